import type { MemberId, Pairing } from '@chungtay/model';
import { createMemo, createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { feedback } from '../shared/command-feedback';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { useCare } from './care-context';
import { activeMembers } from './care-names';

/**
 * A pairing's volunteer, start date and own visit interval. Only what changed is written; the same field
 * changed on another tablet meanwhile is kept beside this one and shown above to choose from.
 */
export function PairingEditForm(props: { pairing: Pairing }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const care = useCare();
  const options = createMemo(() => activeMembers(club.club));
  const [volunteer, setVolunteer] = createSignal<string>(props.pairing.volunteerId);
  const [start, setStart] = createSignal(formatDate(props.pairing.start));
  const [interval, setInterval] = createSignal(props.pairing.intervalDays?.toString() ?? '');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [own, setOwn] = createSignal<Record<string, string>>({});
  const submit = (event: Event) => {
    event.preventDefault();
    const iso = parseDisplayDate(start());
    const text = interval().trim();
    const days = text === '' ? null : /^\d{1,3}$/.test(text) ? Number(text) : undefined;
    setOwn(days === undefined ? { intervalDays: t('care.notANumber') } : {});
    if (iso === null) return setErrors({ start: 'dateFormat' });
    if (days === undefined) return setErrors({});
    const p = props.pairing;
    const result = care.commands.updatePairing({
      pairingId: p.id,
      ...(volunteer() !== p.volunteerId ? { volunteerId: volunteer() as MemberId } : {}),
      ...(iso !== p.start ? { start: iso } : {}),
      ...(days !== p.intervalDays ? { intervalDays: days } : {}),
    });
    const found = feedback(i18n, result, t('care.pairingSaved')) ?? {};
    setErrors(found);
    // The model's order errors name the field; these words say which order.
    setOwn({
      ...(found.start === 'numberOrder' ? { start: t('care.startOrder') } : {}),
      ...(found.volunteerId === 'numberOrder' ? { volunteerId: t('care.samePerson') } : {}),
    });
  };
  const message = (field: string) => own()[field] ?? fieldMessage(i18n, errors(), field);
  return (
    <form
      class="card care-form"
      onSubmit={submit}
      aria-labelledby="care-edit-title"
      data-testid="pairing-edit"
    >
      <h2 id="care-edit-title">{t('care.editPairing')}</h2>
      <div class="care-form-row">
        <SelectField
          label={t('care.volunteer')}
          options={options()}
          value={volunteer()}
          onChange={setVolunteer}
        />
        <TextField
          label={t('care.start')}
          value={start()}
          onChange={setStart}
          inputMode="numeric"
          error={message('start')}
        />
      </div>
      <Show when={message('volunteerId')}>{(text) => <p class="field-error">{text()}</p>}</Show>
      <TextField
        label={t('care.intervalOwn', { days: care.view.visitIntervalDays })}
        value={interval()}
        onChange={setInterval}
        inputMode="numeric"
        error={message('intervalDays')}
      />
      <Button type="submit">{t('care.savePairing')}</Button>
    </form>
  );
}
