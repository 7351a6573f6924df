import { RED_CROSS_ACTIVITY_KINDS, type RedCrossActivity, type RedCrossActivityKind } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { feedback } from '../shared/command-feedback';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { RedCrossConflicts } from './red-cross-conflicts';

/** A whole count as typed ("42", " 42 "); null when it is not one, so the form says so and keeps it. */
function readCount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The activity log, newest first, with the form to record one (units of blood only for a blood drive). */
export function ActivityLog(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const activities = () => club.club.redCross.activities;
  return (
    <section class="red-cross-section" aria-labelledby="red-cross-log">
      <h2 id="red-cross-log">{t('redCross.log')}</h2>
      <Show when={club.canEdit()}>
        <ActivityForm />
      </Show>
      <Show when={activities().length > 0} fallback={<p class="card muted">{t('redCross.logEmpty')}</p>}>
        <ul class="red-cross-list" data-testid="activities">
          <For each={activities()}>
            {(a) => (
              <li class="card red-cross-row" data-testid="activity" data-kind={a.kind}>
                <div class="red-cross-row-head">
                  <strong>
                    {i18n.date(a.date)} · {t(`redCross.kind.${a.kind}`)}
                  </strong>
                  <span>{a.place}</span>
                  <span>
                    {t('redCross.participantsShown', { count: a.participants })}
                    <Show when={a.kind === 'bloodDrive'}>
                      {' '}
                      · {t('redCross.bloodUnitsShown', { count: a.bloodUnits })}
                    </Show>
                  </span>
                </div>
                <RedCrossConflicts record="activity" id={a.id} conflicts={a.conflicts} />
                <Show when={club.canEdit()}>
                  <ActivityCorrection activity={a} />
                  <Button
                    variant="quiet"
                    aria-label={t('redCross.withdrawOf', { date: i18n.date(a.date) })}
                    onClick={() =>
                      feedback(i18n, club.commands.withdrawRedCrossActivity(a.id), t('redCross.withdrawn'))
                    }
                  >
                    {t('redCross.withdraw')}
                  </Button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function ActivityForm(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const kinds = createMemo(() =>
    RED_CROSS_ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`redCross.kind.${k}`) })),
  );
  const [kind, setKind] = createSignal<RedCrossActivityKind>('bloodDrive');
  const [date, setDate] = createSignal(formatDate(club.today()));
  const [place, setPlace] = createSignal('');
  const [participants, setParticipants] = createSignal('');
  const [units, setUnits] = createSignal('');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [notCounts, setNotCounts] = createSignal<readonly string[]>([]);
  const submit = (event: Event) => {
    event.preventDefault();
    const iso = parseDisplayDate(date());
    const people = readCount(participants());
    const blood = kind() === 'bloodDrive' ? readCount(units()) : 0;
    setNotCounts([...(people === null ? ['participants'] : []), ...(blood === null ? ['bloodUnits'] : [])]);
    if (iso === null) return setErrors({ date: 'dateFormat' });
    if (people === null || blood === null) return setErrors({});
    const input = { kind: kind(), date: iso, place: place(), participants: people, bloodUnits: blood };
    const result = club.commands.recordRedCrossActivity(input);
    setErrors(feedback(i18n, result, t('redCross.saved')) ?? {});
    if (!result.ok) return;
    setPlace('');
    setParticipants('');
    setUnits('');
  };
  const message = (field: string) =>
    notCounts().includes(field) ? t('redCross.notANumber') : fieldMessage(i18n, errors(), field);
  return (
    <form
      class="card red-cross-form"
      onSubmit={submit}
      aria-labelledby="red-cross-add-activity"
      data-testid="add-activity"
    >
      <h3 id="red-cross-add-activity">{t('redCross.addActivity')}</h3>
      <div class="red-cross-form-row">
        <SelectField label={t('redCross.activityKind')} options={kinds()} value={kind()} onChange={setKind} />
        <TextField
          label={t('redCross.date')}
          value={date()}
          onChange={setDate}
          inputMode="numeric"
          error={fieldMessage(i18n, errors(), 'date')}
        />
      </div>
      <TextField label={t('redCross.place')} value={place()} onChange={setPlace} error={message('place')} />
      <CountFields
        participants={participants()}
        onParticipants={setParticipants}
        units={units()}
        onUnits={setUnits}
        bloodDrive={kind() === 'bloodDrive'}
        message={message}
      />
      <Button type="submit" variant="primary">
        {t('redCross.save')}
      </Button>
    </form>
  );
}

/**
 * Corrects an activity's place and counts ("42 người, không phải 24"). Only what changed is written, so a
 * count corrected differently on another tablet meanwhile is kept beside this one and shown to choose from.
 */
function ActivityCorrection(props: { activity: RedCrossActivity }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const [open, setOpen] = createSignal(false);
  const [place, setPlace] = createSignal(props.activity.place);
  const [participants, setParticipants] = createSignal(String(props.activity.participants));
  const [units, setUnits] = createSignal(String(props.activity.bloodUnits));
  const [notCounts, setNotCounts] = createSignal<readonly string[]>([]);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const a = () => props.activity;
  const save = (event: Event) => {
    event.preventDefault();
    const people = readCount(participants());
    const blood = a().kind === 'bloodDrive' ? readCount(units()) : a().bloodUnits;
    setNotCounts([...(people === null ? ['participants'] : []), ...(blood === null ? ['bloodUnits'] : [])]);
    if (people === null || blood === null) return;
    const result = club.commands.updateRedCrossActivity({
      activityId: a().id,
      ...(place().trim() !== a().place ? { place: place() } : {}),
      ...(people !== a().participants ? { participants: people } : {}),
      ...(blood !== a().bloodUnits ? { bloodUnits: blood } : {}),
    });
    const found = feedback(i18n, result, t('redCross.edited'));
    setErrors(found ?? {});
    if (result.ok) setOpen(false);
  };
  const message = (field: string) =>
    notCounts().includes(field) ? t('redCross.notANumber') : fieldMessage(i18n, errors(), field);
  return (
    <Show
      when={open()}
      fallback={
        <Button
          variant="quiet"
          aria-label={t('redCross.editOf', { date: i18n.date(a().date) })}
          onClick={() => setOpen(true)}
        >
          {t('redCross.edit')}
        </Button>
      }
    >
      <form class="red-cross-form" onSubmit={save} data-testid="activity-correction">
        <TextField label={t('redCross.place')} value={place()} onChange={setPlace} error={message('place')} />
        <CountFields
          participants={participants()}
          onParticipants={setParticipants}
          units={units()}
          onUnits={setUnits}
          bloodDrive={a().kind === 'bloodDrive'}
          message={message}
        />
        <Button type="submit">{t('redCross.saveEdit')}</Button>
      </form>
    </Show>
  );
}

/** The counts both forms take: the people who came, and units of blood for a blood drive only. */
function CountFields(props: {
  participants: string;
  onParticipants: (text: string) => void;
  units: string;
  onUnits: (text: string) => void;
  bloodDrive: boolean;
  message: (field: string) => string | undefined;
}): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="red-cross-form-row">
      <TextField
        label={t('redCross.participants')}
        value={props.participants}
        onChange={props.onParticipants}
        inputMode="numeric"
        error={props.message('participants')}
      />
      <Show when={props.bloodDrive}>
        <TextField
          label={t('redCross.bloodUnits')}
          value={props.units}
          onChange={props.onUnits}
          inputMode="numeric"
          error={props.message('bloodUnits')}
        />
      </Show>
    </div>
  );
}
