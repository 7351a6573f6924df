import QRCode from 'qrcode';
import { createResource, createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { inviteLinks, rotateClubKeys, type ShareError, shareClub } from '../../device/club-access';
import { findKnownClub } from '../../device/device';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { TextField } from '../../ui/text-field/text-field';
import { showToast } from '../../ui/toast/toast';
import { shareErrorMessage } from './share-errors';
import { TabletList } from './tablet-list';

function InviteCard(props: { title: string; hint: string; link: string; testId: string }): JSX.Element {
  const { t } = useI18n();
  const [svg] = createResource(
    () => props.link,
    (link) => QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  );
  return (
    <div class="card invite" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <p class="muted">{props.hint}</p>
      {/* The SVG comes from the qrcode library for our own link, not from user input. */}
      <div class="qr" innerHTML={svg() ?? ''} role="img" aria-label={props.title} />
      <input class="field-input invite-link" readOnly value={props.link} aria-label={props.title} />
      <Button
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(props.link).catch(() => undefined);
          showToast(t('share.copied'), 'info');
        }}
      >
        {t('share.copy')}
      </Button>
    </div>
  );
}

export default function SharePage(): JSX.Element {
  const { t } = useI18n();
  const session = useClub();
  const [version, setVersion] = createSignal(0);
  const [code, setCode] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [rotating, setRotating] = createSignal(false);
  // Device data is not reactive: `version` is bumped after sharing or rotating to read it again.
  const access = () => {
    version();
    return findKnownClub(session.clubId)?.access;
  };
  const links = () => {
    version();
    return inviteLinks(session.clubId, session.club.profile.name);
  };
  const notOnThisServer = () => {
    const status = session.syncStatus();
    return status.type === 'denied' && status.reason === 'clubNotRegistered';
  };
  const explain = (error: ShareError) => t(shareErrorMessage(error));

  const start = async () => {
    setBusy(true);
    const result = await shareClub(session.clubId, code().trim() || undefined);
    setBusy(false);
    if (!result.ok) return showToast(explain(result.error), 'error');
    setVersion(version() + 1);
    session.reconnect();
  };
  // New invite keys: the links on this page are drawn again and this tablet reconnects with them.
  const keysRotated = () => {
    setVersion(version() + 1);
    session.reconnect();
  };
  const rotate = async () => {
    setRotating(false);
    const result = await rotateClubKeys(session.clubId);
    if (!result.ok) return showToast(explain(result.error), 'error');
    keysRotated();
    showToast(t('share.rotated'), 'success');
  };

  return (
    <section class="share">
      <h1>{t('share.title')}</h1>
      <p>{t('share.intro')}</p>
      <Show
        when={access()?.role === 'editor'}
        fallback={<p class="banner banner-warning">{t('share.notEditor')}</p>}
      >
        <Show
          when={access()?.shared}
          fallback={
            <div class="form card">
              <TextField label={t('share.registrationCode')} value={code()} onChange={setCode} />
              <Button variant="primary" onClick={start} disabled={busy()}>
                {t('share.start')}
              </Button>
            </div>
          }
        >
          {/* Shared before, but the server in use does not know the club (the relay address changed):
              the tablet that holds both keys registers it there; registering again is harmless. */}
          <Show when={notOnThisServer() && access()?.viewerKey}>
            <div class="form card" data-testid="register-here">
              <p>{t('share.notOnThisServer')}</p>
              <TextField label={t('share.registrationCode')} value={code()} onChange={setCode} />
              <Button variant="primary" onClick={start} disabled={busy()}>
                {t('share.startOnThisServer')}
              </Button>
            </div>
          </Show>
          <Show when={links().editor}>
            {(link) => (
              <InviteCard
                title={t('share.editorTitle')}
                hint={t('share.editorHint')}
                link={link()}
                testId="editor-invite"
              />
            )}
          </Show>
          <Show when={links().viewer}>
            {(link) => (
              <InviteCard
                title={t('share.viewerTitle')}
                hint={t('share.viewerHint')}
                link={link()}
                testId="viewer-invite"
              />
            )}
          </Show>
          <TabletList onKeysRotated={keysRotated} />
          <Button variant="danger" onClick={() => setRotating(true)}>
            {t('share.rotate')}
          </Button>
        </Show>
      </Show>
      <Dialog open={rotating()} onOpenChange={setRotating} title={t('share.rotate')}>
        <p>{t('share.rotateConfirm')}</p>
        <div class="form-actions">
          <Button variant="quiet" onClick={() => setRotating(false)}>
            {t('app.cancel')}
          </Button>
          <Button variant="danger" onClick={rotate}>
            {t('share.rotate')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
