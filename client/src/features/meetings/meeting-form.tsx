import {
  type ClubKind,
  formatTimeOfDay,
  MEETING_KINDS,
  type Meeting,
  type MeetingInput,
  type MeetingKind,
  type Member,
  type MemberId,
  meetsOnNationalDays,
  parseTimeOfDay,
  validateMeetingInput,
} from '@chungtay/model';
import { createSignal, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../i18n/i18n-context';
import { FormActions } from '../../ui/form-actions/form-actions';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { dateToText, textToDate } from '../shared/date-input';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { NationalDayPicker } from './national-day-picker';
import './attendance.css';

export function MeetingForm(props: {
  meeting?: Meeting;
  members: readonly Member[];
  today: string;
  defaultPlace: string;
  /** A veterans' club picks among the national days it meets on. */
  clubKind?: ClubKind;
  onSubmit: (input: MeetingInput) => FieldErrors | null;
  onCancel: () => void;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const m = props.meeting;
  const chairDefault = m?.chairId ?? props.members.find((x) => x.role === 'chair')?.id ?? null;
  const secretaryDefault = m?.secretaryId ?? props.members.find((x) => x.role === 'secretary')?.id ?? null;
  const [form, setForm] = createStore({
    date: dateToText(m?.date ?? props.today),
    time: formatTimeOfDay(m?.time ?? '08:00'),
    kind: (m?.kind ?? 'regular') as MeetingKind,
    place: m?.place ?? props.defaultPlace,
    chairId: (chairDefault ?? '') as string,
    secretaryId: (secretaryDefault ?? '') as string,
  });
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const people = () => [
    { value: '', label: t('meetings.noOne') },
    ...props.members.map((x) => ({ value: x.id as string, label: x.fullName })),
  ];
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const date = textToDate(form.date);
    // "7h30", "7:30", "19h": stored as 'HH:MM'.
    const time = parseTimeOfDay(form.time);
    const input: MeetingInput = {
      date: date.ok && date.value ? date.value : '',
      time: time.ok ? time.value : '',
      kind: form.kind,
      place: form.place,
      chairId: form.chairId ? (form.chairId as MemberId) : null,
      secretaryId: form.secretaryId ? (form.secretaryId as MemberId) : null,
    };
    const found = { ...(validateMeetingInput(input, props.today)?.fields ?? {}) };
    if (!date.ok) found.date = 'dateFormat';
    if (!time.ok) found.time = 'timeFormat';
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors(props.onSubmit(input) ?? {});
  };
  return (
    <form class="form" onSubmit={submit} novalidate>
      <Show when={props.clubKind !== undefined && meetsOnNationalDays(props.clubKind)}>
        <NationalDayPicker today={props.today} onPick={(iso) => setForm('date', dateToText(iso))} />
      </Show>
      <div class="form-grid">
        <TextField
          label={t('meetings.date')}
          placeholder={i18n.t('app.datePlaceholder')}
          inputMode="numeric"
          value={form.date}
          onChange={(v) => setForm('date', v)}
          error={fieldMessage(i18n, errors(), 'date')}
          name="date"
        />
        <TextField
          label={t('meetings.time')}
          placeholder={t('healthCheck.time.placeholder')}
          description={t('healthCheck.time.hint')}
          value={form.time}
          onChange={(v) => setForm('time', v)}
          error={fieldMessage(i18n, errors(), 'time')}
          name="time"
        />
        <SelectField
          label={t('meetings.kind')}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
          value={form.kind}
          onChange={(v) => setForm('kind', v)}
        />
        <TextField
          label={t('meetings.place')}
          value={form.place}
          onChange={(v) => setForm('place', v)}
          error={fieldMessage(i18n, errors(), 'place')}
          name="place"
        />
        <SelectField
          label={t('meetings.chair')}
          options={people()}
          value={form.chairId}
          onChange={(v) => setForm('chairId', v)}
        />
        <SelectField
          label={t('meetings.secretary')}
          options={people()}
          value={form.secretaryId}
          onChange={(v) => setForm('secretaryId', v)}
        />
      </div>
      <Show when={Object.keys(errors()).length > 0}>
        <p class="form-error" role="alert">
          {t('errors.formHasErrors')}
        </p>
      </Show>
      <FormActions onCancel={props.onCancel} />
    </form>
  );
}
