import { createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { readRelayOrigin, saveRelayOrigin } from '../../device/device';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { showToast } from '../../ui/toast/toast';
import { parseRelayAddress, type RelayAddressProblem } from './relay-address';

/**
 * The sync server (relay) this tablet uses, for every club: a device setting, so a viewer tablet may change
 * it too. The default is the address the app was opened from; saving the same address stores nothing, so
 * the tablet keeps following the default. A change reconnects the open club at once (the club session
 * passes the reconnect on to the minutes and health docs).
 */
export function RelayAddressForm(): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  // Device data is not reactive: `current` is set again after each change made here.
  const [current, setCurrent] = createSignal(readRelayOrigin());
  const [text, setText] = createSignal(current());
  const [problem, setProblem] = createSignal<RelayAddressProblem>();
  const isDefault = () => current() === location.origin;
  const message = () => {
    const found = problem();
    return found === undefined ? undefined : t(`relayAddress.errors.${found}`);
  };

  const use = (origin: string) => {
    const before = current();
    saveRelayOrigin(origin === location.origin ? '' : origin);
    setCurrent(readRelayOrigin());
    setText(current());
    setProblem(undefined);
    if (current() !== before) club.reconnect();
  };

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = parseRelayAddress(text());
    // What was typed stays, to be corrected rather than typed again.
    if (!parsed.ok) return void setProblem(parsed.error);
    use(parsed.value);
    showToast(t('relayAddress.saved', { origin: current() }), 'success');
  };

  const useDefault = () => {
    use(location.origin);
    showToast(t('relayAddress.reset', { origin: current() }), 'success');
  };

  return (
    <section data-testid="relay-address" aria-labelledby="relay-address-title">
      <h2 id="relay-address-title">{t('relayAddress.title')}</h2>
      <form class="form card" onSubmit={save} novalidate>
        <p>{t('relayAddress.intro')}</p>
        <p data-testid="relay-address-current">
          <strong>{t('relayAddress.current', { origin: current() })}</strong>
          <Show when={isDefault()}>
            {' '}
            <span class="muted">{t('relayAddress.defaultNote')}</span>
          </Show>
        </p>
        <TextField
          label={t('relayAddress.field')}
          name="relayAddress"
          value={text()}
          onChange={setText}
          description={t('relayAddress.hint')}
          error={message()}
        />
        <div class="form-actions">
          <Button variant="secondary" onClick={useDefault}>
            {t('relayAddress.useDefault')}
          </Button>
          <Button variant="primary" type="submit">
            {t('app.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
