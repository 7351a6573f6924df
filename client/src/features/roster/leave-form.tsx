import type { MemberLeft } from '@chungtay/model';
import { createSignal, type JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { FormActions } from '../../ui/form-actions/form-actions';
import { TextField } from '../../ui/text-field/text-field';
import { dateToText, textToDate } from '../shared/date-input';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';

export function LeaveForm(props: {
  today: string;
  onSubmit: (left: MemberLeft) => FieldErrors | null;
  onCancel: () => void;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [on, setOn] = createSignal(dateToText(props.today));
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const date = textToDate(on());
    if (!date.ok || date.value === null) {
      setErrors({ on: date.ok ? 'required' : 'dateFormat' });
      return;
    }
    setErrors(props.onSubmit({ on: date.value, reason: reason().trim() }) ?? {});
  };
  return (
    <form class="form" onSubmit={submit} novalidate>
      <TextField
        label={t('member.leftOn')}
        placeholder={i18n.t('app.datePlaceholder')}
        inputMode="numeric"
        value={on()}
        onChange={setOn}
        error={fieldMessage(i18n, errors(), 'on')}
      />
      <TextField
        label={t('member.leftReason')}
        value={reason()}
        onChange={setReason}
        error={fieldMessage(i18n, errors(), 'reason')}
      />
      <FormActions onCancel={props.onCancel} />
    </form>
  );
}
