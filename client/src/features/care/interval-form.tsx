import { createSignal, type JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { feedback } from '../shared/command-feedback';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { useCare } from './care-context';

/** The club's visit interval: after how many days a member counts as not visited. */
export function IntervalForm(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const care = useCare();
  const [days, setDays] = createSignal(String(care.view.visitIntervalDays));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const submit = (event: Event) => {
    event.preventDefault();
    const value = Number(days().trim());
    setErrors(feedback(i18n, care.commands.setVisitInterval(value), t('care.intervalSave')) ?? {});
  };
  return (
    <form class="card care-form care-interval" onSubmit={submit}>
      <TextField
        label={t('care.intervalLabel')}
        value={days()}
        onChange={setDays}
        inputMode="numeric"
        error={fieldMessage(i18n, errors(), 'visitIntervalDays')}
      />
      <Button type="submit">{t('care.intervalSave')}</Button>
    </form>
  );
}
