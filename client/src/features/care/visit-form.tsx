import { type MemberId, type Pairing, VISIT_ACTIVITIES, type VisitActivity } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { HealthSession } from '../../data/health/health-session';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { useCare } from './care-context';
import { activeMembers } from './care-names';

/**
 * Records a visit in a few taps: today's date and the pairing's volunteer are filled in, what was done
 * is a row of toggle chips, the notes are optional. A health note goes to the private health doc the page
 * holds open (`health`), keyed by the new visit's id; the field waits until that doc is open.
 */
export function VisitForm(props: { pairing: Pairing; health: HealthSession | undefined }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const care = useCare();
  const options = createMemo(() => activeMembers(club.club));
  const [date, setDate] = createSignal(formatDate(club.today()));
  const [visitor, setVisitor] = createSignal<string>(props.pairing.volunteerId);
  const [done, setDone] = createSignal<readonly VisitActivity[]>([]);
  const [note, setNote] = createSignal('');
  const [healthNote, setHealthNote] = createSignal('');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const toggle = (activity: VisitActivity) =>
    setDone((now) => (now.includes(activity) ? now.filter((a) => a !== activity) : [...now, activity]));

  const submit = (event: Event) => {
    event.preventDefault();
    const iso = parseDisplayDate(date());
    if (iso === null) return setErrors({ date: 'dateFormat' });
    const input = {
      pairingId: props.pairing.id,
      date: iso,
      visitorId: visitor() as MemberId,
      activities: done(),
      note: note(),
    };
    const result = care.commands.recordVisit(input, club.today());
    const found = feedback(i18n, result, t('care.saved'));
    setErrors(found ?? {});
    if (!result.ok) return;
    const text = healthNote().trim();
    if (text !== '') {
      const memberId = props.pairing.memberId;
      const saved = props.health?.commands.recordVisitNote({
        visitId: result.value,
        memberId,
        date: iso,
        note: text,
      });
      if (saved === undefined || !saved.ok) showToast(t('care.healthNoteFailed'), 'error');
    }
    setDone([]);
    setNote('');
    setHealthNote('');
  };

  return (
    <form
      class="card care-form"
      onSubmit={submit}
      aria-labelledby="care-record-title"
      data-testid="visit-form"
    >
      <h2 id="care-record-title">{t('care.record')}</h2>
      <div class="care-form-row">
        <TextField
          label={t('care.date')}
          value={date()}
          onChange={setDate}
          inputMode="numeric"
          error={fieldMessage(i18n, errors(), 'date')}
        />
        <SelectField label={t('care.visitor')} options={options()} value={visitor()} onChange={setVisitor} />
      </div>
      <fieldset class="care-chips">
        <legend>{t('care.whatDone')}</legend>
        <For each={VISIT_ACTIVITIES}>
          {(activity) => (
            <button
              type="button"
              class="care-chip"
              aria-pressed={done().includes(activity)}
              onClick={() => toggle(activity)}
            >
              {t(`care.activity.${activity}`)}
            </button>
          )}
        </For>
        <Show when={fieldMessage(i18n, errors(), 'activities')}>
          {(message) => <p class="field-error">{message()}</p>}
        </Show>
      </fieldset>
      <TextField
        label={t('care.visitNote')}
        value={note()}
        onChange={setNote}
        multiline
        error={fieldMessage(i18n, errors(), 'note')}
      />
      <TextField
        label={t('care.healthNote')}
        value={healthNote()}
        onChange={setHealthNote}
        multiline
        readOnly={props.health === undefined}
      />
      <Button type="submit" variant="primary">
        {t('care.save')}
      </Button>
    </form>
  );
}
