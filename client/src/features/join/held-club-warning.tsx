import type { JSX } from 'solid-js';
import { Show } from 'solid-js';
import type { HeldClubChange } from '../../device/club-access';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';

type Asked = Extract<HeldClubChange, { ask: true }>;

/**
 * The warning shown instead of "Join" when an invite would change the server or key of a club this tablet
 * holds (issue 12 §6). Nothing has been stored or sent when it shows; declining leaves the club as it was.
 */
export function HeldClubWarning(props: {
  readonly clubName: string;
  readonly change: Asked;
  readonly onAgree: () => void;
  readonly onDecline: () => void;
}): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="banner banner-warning" role="alert" data-testid="join-held-warning">
      <p>
        <strong>{t('invite.heldTitle', { name: props.clubName })}</strong>
      </p>
      <Show when={props.change.relay}>
        {(relay) => <p>{t('invite.relayChange', { from: relay().from, to: relay().to })}</p>}
      </Show>
      <Show when={props.change.key}>
        <p>{t('invite.keyChange')}</p>
      </Show>
      <Show when={props.change.relay}>{(relay) => <p>{t('invite.recordsTo', { to: relay().to })}</p>}</Show>
      <p>{t('invite.onlyIf')}</p>
      <Button variant="primary" onClick={props.onDecline}>
        {t('invite.decline')}
      </Button>
      <Button variant="secondary" onClick={props.onAgree}>
        {t('invite.agree')}
      </Button>
    </div>
  );
}
