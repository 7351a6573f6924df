import { type Invite, parseInvite } from '@chungtay/protocol';
import { useNavigate } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { acceptInvite, heldClubChange, inviteRelayChange } from '../../device/club-access';
import { readDeviceUser, readRelayOrigin, saveDeviceUser } from '../../device/device';
import { askPersonOnOpen } from '../../device/person';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { HeldClubWarning } from './held-club-warning';
import { QrScanner } from './qr-scanner';

/** Opened from an invite link or QR code; the key stays in the fragment and never reaches a server log. */
export default function JoinPage(): JSX.Element {
  const { t } = useI18n();
  const navigate = useNavigate();
  const fromLink = location.hash.length > 1 ? parseInvite(location.hash) : null;
  const [invite, setInvite] = createSignal<Invite | null>(fromLink?.ok ? fromLink.value : null);
  const [pasted, setPasted] = createSignal('');
  const [error, setError] = createSignal<string | undefined>(
    fromLink && !fromLink.ok ? t('join.invalid') : undefined,
  );
  const [scanning, setScanning] = createSignal(false);
  // The placeholder name given when the sample club was opened is not this person's name: ask for it.
  const held = readDeviceUser()?.name;
  const [name, setName] = createSignal(held === undefined || held === t('clubs.guest') ? '' : held);
  const [nameError, setNameError] = createSignal<string>();

  const read = (text: string) => {
    const parsed = parseInvite(text);
    if (parsed.ok) {
      setInvite(parsed.value);
      setError(undefined);
      setScanning(false);
    } else setError(t('join.invalid'));
  };
  // Read once per invite: the answer must not change under the user's eyes while the warning is shown.
  const asking = (current: Invite) => {
    const change = heldClubChange(current);
    return change.ask ? change : undefined;
  };
  const join = () => {
    const current = invite();
    if (!current) return;
    if (!name().trim()) return setNameError(t('errors.required'));
    saveDeviceUser(name());
    acceptInvite(current);
    // Who uses this tablet is asked once the roster has arrived: the header's person switch opens by itself.
    if (current.role === 'editor') askPersonOnOpen(current.clubId);
    // A viewer key opens only the club's summary (issue 15): the supervisor's screen shows it.
    navigate(current.role === 'viewer' ? '/supervisor' : `/club/${current.clubId}`, { replace: true });
  };

  return (
    <main class="page narrow">
      <h1>{t('join.title')}</h1>
      <Show
        when={invite()}
        fallback={
          <div class="form card">
            <TextField label={t('join.paste')} value={pasted()} onChange={setPasted} error={error()} />
            <Button variant="primary" onClick={() => read(pasted())}>
              {t('join.accept')}
            </Button>
            <Show
              when={scanning()}
              fallback={
                <Button variant="secondary" onClick={() => setScanning(true)}>
                  {t('join.scan')}
                </Button>
              }
            >
              <QrScanner
                onText={read}
                onError={() => {
                  setScanning(false);
                  setError(t('join.cameraError'));
                }}
              />
              <Button variant="quiet" onClick={() => setScanning(false)}>
                {t('join.stopScan')}
              </Button>
            </Show>
          </div>
        }
      >
        {(current) => (
          <div class="form card">
            <p class="lead">
              {t('join.invite', { name: current().clubName })}{' '}
              {current().role === 'editor' ? t('join.asEditor') : t('join.asViewer')}
            </p>
            <Show when={!asking(current()) && inviteRelayChange(current()) === 'follow' && current().relay}>
              {(relay) => (
                <p class="banner banner-info" data-testid="join-relay-notice">
                  {t('join.relayNotice', { origin: relay() })}
                </p>
              )}
            </Show>
            <Show when={inviteRelayChange(current()) === 'keep' && current().relay}>
              {(relay) => (
                <p class="banner banner-warning" data-testid="join-relay-kept">
                  {t('join.relayKept', { origin: relay(), current: readRelayOrigin() })}
                </p>
              )}
            </Show>
            <TextField
              label={t('create.yourName')}
              description={t('create.yourNameHint')}
              value={name()}
              onChange={setName}
              error={nameError()}
            />
            <Show
              when={asking(current())}
              fallback={
                <Button variant="primary" onClick={join}>
                  {t('join.accept')}
                </Button>
              }
            >
              {(change) => (
                <HeldClubWarning
                  clubName={current().clubName}
                  change={change()}
                  onAgree={join}
                  onDecline={() => navigate(`/club/${current().clubId}`, { replace: true })}
                />
              )}
            </Show>
          </div>
        )}
      </Show>
    </main>
  );
}
