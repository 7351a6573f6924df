import { createSignal, type JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { FormActions } from '../../ui/form-actions/form-actions';
import { TextField } from '../../ui/text-field/text-field';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';

export function GroupNameForm(props: {
  initial: string;
  onSubmit: (name: string) => FieldErrors | null;
  onCancel: () => void;
}): JSX.Element {
  const i18n = useI18n();
  const [name, setName] = createSignal(props.initial);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!name().trim()) {
      setErrors({ name: 'required' });
      return;
    }
    setErrors(props.onSubmit(name()) ?? {});
  };
  return (
    <form class="form" onSubmit={submit} novalidate>
      <TextField
        label={i18n.t('groups.name')}
        value={name()}
        onChange={setName}
        error={fieldMessage(i18n, errors(), 'name')}
        autofocus
      />
      <FormActions onCancel={props.onCancel} />
    </form>
  );
}
