import { type Invite, parseInvite } from '@chungtay/protocol';
import { createSignal, type JSX, Show } from 'solid-js';
import { acceptInvite, type HeldClubChange, heldClubChange } from '../../device/club-access';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { HeldClubWarning } from '../join/held-club-warning';
import { QrScanner } from '../join/qr-scanner';

/**
 * Adds a club to the supervisor's table from its viewer invite, pasted or scanned with the camera, without
 * leaving the screen. A committee (editor) invite is refused here: it belongs on the join screen, which
 * asks who is using the tablet and opens the club's books.
 */
export function AddClub(props: { onAdded: (clubId: string) => void; onClose: () => void }): JSX.Element {
  const { t } = useI18n();
  const [pasted, setPasted] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [scanning, setScanning] = createSignal(false);
  // An invite that would move a club this tablet holds to another server, or replace its key: asked first.
  const [asking, setAsking] = createSignal<{
    invite: Invite;
    change: Extract<HeldClubChange, { ask: true }>;
  }>();

  const add = (invite: Invite) => {
    acceptInvite(invite);
    setAsking(undefined);
    setPasted('');
    props.onAdded(invite.clubId);
  };
  const read = (text: string) => {
    const parsed = parseInvite(text.trim());
    if (!parsed.ok) return setError(t('supervisor.add.invalid'));
    if (parsed.value.role !== 'viewer') return setError(t('supervisor.add.editorInvite'));
    setError(undefined);
    setScanning(false);
    const change = heldClubChange(parsed.value);
    if (change.ask) setAsking({ invite: parsed.value, change });
    else add(parsed.value);
  };

  return (
    <div class="card supervisor-add no-print" data-testid="supervisor-add">
      <h2>{t('supervisor.add.title')}</h2>
      <Show
        when={asking()}
        fallback={
          <>
            <TextField
              label={t('supervisor.add.paste')}
              value={pasted()}
              onChange={setPasted}
              error={error()}
            />
            <div class="supervisor-add-actions">
              <Button variant="primary" onClick={() => read(pasted())}>
                {t('supervisor.add.accept')}
              </Button>
              <Show
                when={scanning()}
                fallback={
                  <Button variant="secondary" onClick={() => setScanning(true)}>
                    {t('supervisor.add.scan')}
                  </Button>
                }
              >
                <Button variant="quiet" onClick={() => setScanning(false)}>
                  {t('supervisor.add.stopScan')}
                </Button>
              </Show>
              <Button variant="quiet" onClick={() => props.onClose()}>
                {t('supervisor.add.close')}
              </Button>
            </div>
            <Show when={scanning()}>
              <QrScanner
                onText={read}
                onError={() => {
                  setScanning(false);
                  setError(t('supervisor.add.cameraError'));
                }}
              />
            </Show>
          </>
        }
      >
        {(held) => (
          <HeldClubWarning
            clubName={held().invite.clubName}
            change={held().change}
            onAgree={() => add(held().invite)}
            onDecline={() => setAsking(undefined)}
          />
        )}
      </Show>
    </div>
  );
}
