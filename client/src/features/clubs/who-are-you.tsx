import type { Author } from '@chungtay/model';
import { createSignal, type JSX } from 'solid-js';
import { saveDeviceUser } from '../../device/device';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';

/** Asks the person holding the tablet for their name before they edit. */
export function WhoAreYou(props: { onDone: (author: Author) => void }): JSX.Element {
  const { t } = useI18n();
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string>();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!name().trim()) {
      setError(t('errors.required'));
      return;
    }
    props.onDone(saveDeviceUser(name()));
  };
  return (
    <main class="page narrow">
      <form class="form card" onSubmit={submit} novalidate>
        <TextField
          label={t('create.yourName')}
          description={t('create.yourNameHint')}
          value={name()}
          onChange={setName}
          error={error()}
          autofocus
        />
        <Button variant="primary" type="submit">
          {t('app.save')}
        </Button>
      </form>
    </main>
  );
}
