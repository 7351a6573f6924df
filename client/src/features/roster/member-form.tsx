import {
  COMMITTEE_ROLES,
  type CommitteeRole,
  GENDERS,
  type Gender,
  HOUSEHOLD_STATUSES,
  type HouseholdStatus,
  type Member,
  type MemberInput,
  validateMemberInput,
} from '@chungtay/model';
import { createSignal, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../i18n/i18n-context';
import { CheckboxField } from '../../ui/checkbox-field/checkbox-field';
import { ChoiceGroup } from '../../ui/choice-group/choice-group';
import { FormActions } from '../../ui/form-actions/form-actions';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { dateToText, textToDate } from '../shared/date-input';
import { currentErrors, type FieldErrors, fieldMessage } from '../shared/field-errors';

export interface MemberFormResult {
  readonly input: MemberInput;
  readonly consent: boolean;
}

/**
 * Add or edit one member. Refused values show a message and the form keeps
 * exactly what was typed; onSubmit may also return errors from the model.
 */
export function MemberForm(props: {
  member?: Member;
  today: string;
  onSubmit: (result: MemberFormResult) => FieldErrors | null;
  onCancel: () => void;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const m = props.member;
  const [form, setForm] = createStore({
    fullName: m?.fullName ?? '',
    gender: (m?.gender ?? 'female') as Gender,
    birthYear: m?.birthYear ? String(m.birthYear) : '',
    phone: m?.phone ?? '',
    hamlet: m?.hamlet ?? '',
    household: (m?.household ?? 'none') as HouseholdStatus,
    ethnicMinority: m?.ethnicMinority ?? false,
    joinedOn: m ? dateToText(m.joinedOn) : dateToText(props.today),
    role: (m?.role ?? 'none') as CommitteeRole,
    notes: m?.notes ?? '',
    consent: false,
  });
  const [checkedErrors, setCheckedErrors] = createSignal<FieldErrors>({});
  // The values the errors were found in: an error goes once its field changes.
  const [checked, setChecked] = createSignal<Record<string, unknown>>({});
  const setErrors = (found: FieldErrors) => {
    setChecked({ ...form });
    setCheckedErrors(found);
  };
  const errors = () => currentErrors(checkedErrors(), checked(), form);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, 'birthYearRange' | 'dateFormat'> = {};
    const yearText = form.birthYear.trim();
    const birthYear = yearText === '' ? null : /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (Number.isNaN(birthYear)) found.birthYear = 'birthYearRange';
    const joined = textToDate(form.joinedOn);
    if (!joined.ok) found.joinedOn = 'dateFormat';
    const input: MemberInput = {
      fullName: form.fullName,
      gender: form.gender,
      birthYear: Number.isNaN(birthYear) ? null : birthYear,
      phone: form.phone,
      hamlet: form.hamlet,
      household: form.household,
      ethnicMinority: form.ethnicMinority,
      joinedOn: joined.ok ? joined.value : null,
      role: form.role,
      notes: form.notes,
    };
    const modelErrors = validateMemberInput(input, props.today)?.fields ?? {};
    const all = { ...modelErrors, ...found };
    if (Object.keys(all).length > 0) {
      setErrors(all);
      return;
    }
    setErrors(props.onSubmit({ input, consent: form.consent }) ?? {});
  };

  const err = (field: string) => fieldMessage(i18n, errors(), field);
  return (
    <form class="form" onSubmit={submit} novalidate>
      <TextField
        label={t('member.fullName')}
        value={form.fullName}
        onChange={(v) => setForm('fullName', v)}
        error={err('fullName')}
        required
        name="fullName"
      />
      <div class="form-grid">
        <ChoiceGroup
          label={t('member.gender')}
          choices={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          value={form.gender}
          onChange={(v) => setForm('gender', v)}
        />
        <TextField
          label={t('member.birthYear')}
          inputMode="numeric"
          value={form.birthYear}
          onChange={(v) => setForm('birthYear', v)}
          error={err('birthYear')}
          name="birthYear"
        />
        <TextField
          label={t('member.phone')}
          type="tel"
          inputMode="tel"
          value={form.phone}
          onChange={(v) => setForm('phone', v)}
          error={err('phone')}
          name="phone"
        />
        <TextField
          label={t('member.hamlet')}
          value={form.hamlet}
          onChange={(v) => setForm('hamlet', v)}
          name="hamlet"
        />
        <SelectField
          label={t('member.household')}
          options={HOUSEHOLD_STATUSES.map((h) => ({ value: h, label: t(`household.${h}`) }))}
          value={form.household}
          onChange={(v) => setForm('household', v)}
        />
        <SelectField
          label={t('member.role')}
          options={COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={form.role}
          onChange={(v) => setForm('role', v)}
        />
        <TextField
          label={t('member.joinedOn')}
          placeholder={i18n.t('app.datePlaceholder')}
          inputMode="numeric"
          value={form.joinedOn}
          onChange={(v) => setForm('joinedOn', v)}
          error={err('joinedOn')}
          name="joinedOn"
        />
      </div>
      <CheckboxField
        label={t('member.ethnicMinority')}
        checked={form.ethnicMinority}
        onChange={(v) => setForm('ethnicMinority', v)}
      />
      <Show when={!m}>
        <CheckboxField
          label={t('member.consent')}
          checked={form.consent}
          onChange={(v) => setForm('consent', v)}
        />
      </Show>
      <TextField
        label={t('member.notes')}
        multiline
        value={form.notes}
        onChange={(v) => setForm('notes', v)}
        error={err('notes')}
      />
      <Show when={Object.keys(errors()).length > 0}>
        <p class="form-error" role="alert">
          {t('errors.formHasErrors')}
        </p>
      </Show>
      <FormActions onCancel={props.onCancel} />
    </form>
  );
}
