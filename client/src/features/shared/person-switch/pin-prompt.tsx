import type { MemberId } from '@chungtay/model';
import { createSignal, type JSX, Show } from 'solid-js';
import { checkPin, hasPin, isWellFormedPin, setPin } from '../../../device/pin';
import { useI18n } from '../../../i18n/i18n-context';
import { Button } from '../../../ui/button/button';
import { Dialog } from '../../../ui/dialog/dialog';
import { TextField } from '../../../ui/text-field/text-field';
import { showToast } from '../../../ui/toast/toast';

interface Asking {
  readonly person: MemberId;
  readonly name: string;
  /** `set`: this person has no PIN on this tablet yet and chooses one now. */
  readonly mode: 'enter' | 'set';
  readonly resolve: (passed: boolean) => void;
}

export interface PinPrompt {
  /** Asks `person` for their PIN (or to set one, the first time on this tablet); true once it passed. */
  confirm(person: MemberId, name: string): Promise<boolean>;
  /** The dialog; render it once where the prompt is used. */
  readonly view: () => JSX.Element;
}

/**
 * The PIN dialog (issue 12 §4), for the header's person switch and for signing: the digits are hidden,
 * a wrong PIN is said in words, and after repeated wrong tries the wait is said in seconds (device/pin.ts).
 */
export function createPinPrompt(clubId: string): PinPrompt {
  const { t } = useI18n();
  const [asking, setAsking] = createSignal<Asking | null>(null);
  const [pin, setPinText] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const finish = (passed: boolean) => {
    asking()?.resolve(passed);
    setAsking(null);
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const current = asking();
    if (current === null || busy()) return;
    if (!isWellFormedPin(pin())) return setError(t('people.pinFormat'));
    setBusy(true);
    try {
      if (current.mode === 'set') {
        if (pin() !== repeat()) return setError(t('people.pinMismatch'));
        await setPin(clubId, current.person, pin());
        showToast(t('people.pinSaved'), 'success');
        return finish(true);
      }
      const result = await checkPin(clubId, current.person, pin());
      if (result.type === 'ok') return finish(true);
      setPinText('');
      setError(
        result.type === 'wait' ? t('people.pinWait', { seconds: result.seconds }) : t('people.pinWrong'),
      );
    } finally {
      setBusy(false);
    }
  };

  return {
    confirm: async (person, name) => {
      const mode = (await hasPin(clubId, person)) ? 'enter' : 'set';
      setPinText('');
      setRepeat('');
      setError(undefined);
      return new Promise<boolean>((resolve) => setAsking({ person, name, mode, resolve }));
    },
    view: () => (
      <Dialog
        open={asking() !== null}
        onOpenChange={(open) => open || finish(false)}
        title={
          asking()?.mode === 'set'
            ? t('people.setPinTitle', { name: asking()?.name ?? '' })
            : t('people.enterPin', { name: asking()?.name ?? '' })
        }
      >
        <form class="form" onSubmit={submit} novalidate data-testid="pin-prompt">
          <TextField
            label={t('people.pin')}
            type="password"
            inputMode="numeric"
            value={pin()}
            onChange={setPinText}
            error={error()}
            autofocus
          />
          <Show when={asking()?.mode === 'set'}>
            <TextField
              label={t('people.pinRepeat')}
              type="password"
              inputMode="numeric"
              value={repeat()}
              onChange={setRepeat}
            />
          </Show>
          <div class="form-actions">
            <Button variant="quiet" onClick={() => finish(false)}>
              {t('app.cancel')}
            </Button>
            <Button variant="primary" type="submit" disabled={busy()}>
              {asking()?.mode === 'set' ? t('people.setPin') : t('people.confirm')}
            </Button>
          </div>
        </form>
      </Dialog>
    ),
  };
}
