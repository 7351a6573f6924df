import { type RouteSectionProps, useLocation, useNavigate } from '@solidjs/router';
import {
  createEffect,
  createResource,
  createSignal,
  type JSX,
  lazy,
  Match,
  onCleanup,
  Show,
  Suspense,
  Switch,
} from 'solid-js';
import { ClubProvider } from '../../data/club/club-context';
import { type ClubSession, openClubSession } from '../../data/club/club-session';
import { usePendingWrites } from '../../data/session/pending-writes';
import { createScreenUndo, ScreenUndoProvider } from '../../data/session/screen-undo';
import { findKnownClub, readDeviceUser, rememberClub } from '../../device/device';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { LanguageSwitch } from '../shared/language-switch';
import { PersonSwitchSlot } from '../shared/person-switch/person-switch-slot';
import { NavLink } from './club-nav';
import { DamagedNotice } from './damaged-notice';
import { SaveIndicator } from './save-indicator';
import { StorageBanner } from './storage-banner';
import { SyncIndicator } from './sync-indicator';

// Asked once per tablet, before its first edit: its form (Kobalte's text field) stays out of the roster's script.
const WhoAreYou = lazy(() => import('./who-are-you').then((m) => ({ default: m.WhoAreYou })));

export function ClubLayout(props: RouteSectionProps): JSX.Element {
  // A viewer key opens only the club's summary (issue 15): a supervisor's tablet that follows a club
  // address goes to the supervisor's screen instead of a club frame it may not fill.
  const viewer = () => findKnownClub(props.params.clubId ?? '')?.access?.role === 'viewer';
  const { t } = useI18n();
  const navigate = useNavigate();
  createEffect(() => {
    if (viewer()) navigate('/supervisor', { replace: true });
  });
  return (
    // Something in the place of the frame while the router moves on: an empty route output made Solid's
    // insert fail when the supervisor's screen replaced it.
    <Show when={!viewer()} fallback={<p class="page loading">{t('app.loading')}</p>}>
      <ClubFrame {...props} />
    </Show>
  );
}

function ClubFrame(props: RouteSectionProps): JSX.Element {
  const { t } = useI18n();
  const [user, setUser] = createSignal(readDeviceUser());
  return (
    <Show
      when={user()}
      fallback={
        <Suspense fallback={<p class="page loading">{t('app.loading')}</p>}>
          <WhoAreYou onDone={setUser} />
        </Suspense>
      }
    >
      {(author) => {
        const pending = usePendingWrites();
        // A load that times out or fails (tablet-store's limits) says so with a retry instead of opening
        // for ever. The failure is a signal, not a rejected resource: reading a rejected resource throws
        // into the error boundary, and wrapping the shell in a second Show broke its DOM on joining a club.
        const [failed, setFailed] = createSignal(false);
        const [session, { refetch }] = createResource(
          () => props.params.clubId,
          async (clubId): Promise<ClubSession | undefined> => {
            setFailed(false);
            try {
              return await openClubSession(clubId, author());
            } catch {
              // The session closed what it had opened; the retry starts again from the tablet.
              setFailed(true);
              return undefined;
            }
          },
        );
        let current: ClubSession | undefined;
        let unregister: (() => void) | undefined;
        const adopt = (s: ClubSession) => {
          if (current === s) return s;
          current = s;
          unregister?.();
          unregister = pending.register(s.whenSaved);
          return s;
        };
        const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
          if (current && current.saveState() !== 'saved') {
            event.preventDefault();
            event.returnValue = t('save.leaveWarning');
          }
        };
        window.addEventListener('beforeunload', warnBeforeLeaving);
        onCleanup(() => {
          window.removeEventListener('beforeunload', warnBeforeLeaving);
          unregister?.();
          void current?.close();
        });
        return (
          <Show
            when={session()}
            fallback={
              <Show when={failed()} fallback={<p class="page loading">{t('app.loading')}</p>}>
                <div class="page" role="alert" data-testid="open-failed">
                  <p>{t('damaged.openFailed')}</p>
                  <Button onClick={() => void refetch()}>{t('damaged.retry')}</Button>
                </div>
              </Show>
            }
          >
            {(s) => <ClubShell session={adopt(s())}>{props.children}</ClubShell>}
          </Show>
        );
      }}
    </Show>
  );
}

function ClubShell(props: { session: ClubSession; children: JSX.Element }): JSX.Element {
  const { t } = useI18n();
  const club = () => props.session.club;
  const base = () => `/club/${props.session.clubId}`;
  const location = useLocation();
  // A member's page belongs to the roster: its tab stays lit there.
  const onMemberPage = () => location.pathname.startsWith(`${base()}/members/`);
  // Keep the device's club list current for the start screen: on every change of the name, kind or
  // count (a member added here or by a colleague), not only on leaving, which a closed tab never does.
  createEffect(() =>
    rememberClub({
      id: props.session.clubId,
      name: club().profile.name,
      kind: club().profile.kind,
      memberCount: club().members.filter((m) => !m.left && !m.mergedInto).length,
    }),
  );
  // The header's undo acts on the documents on screen: the club's, unless a screen shows its own.
  const screenUndo = createScreenUndo(props.session);
  return (
    <ClubProvider session={props.session}>
      <ScreenUndoProvider value={screenUndo}>
        <div class="club-shell">
          <header class="club-header">
            <a href="/" class="btn btn-quiet" aria-label={t('nav.clubs')}>
              ⌂
            </a>
            <div class="club-title">
              <strong>{club().profile.name}</strong>
              <SaveIndicator state={props.session.saveState()} />
              <SyncIndicator />
            </div>
            <div class="header-actions">
              <Button
                variant="quiet"
                onClick={() => screenUndo.undo()}
                disabled={!screenUndo.canUndo()}
                aria-label={t('app.undo')}
                title={t('app.undo')}
              >
                ↶ <span class="hide-narrow">{t('app.undo')}</span>
              </Button>
              <Button
                variant="quiet"
                onClick={() => screenUndo.redo()}
                disabled={!screenUndo.canRedo()}
                aria-label={t('app.redo')}
                title={t('app.redo')}
              >
                ↷ <span class="hide-narrow">{t('app.redo')}</span>
              </Button>
              <PersonSwitchSlot />
              <LanguageSwitch />
            </div>
          </header>
          <Switch>
            <Match when={props.session.newerVersion !== null}>
              <div class="banner banner-warning" role="alert">
                {t('readOnly.newer', { version: props.session.newerVersion ?? 0 })}
              </div>
            </Match>
          </Switch>
          <Show when={props.session.role() === 'viewer'}>
            <div class="banner banner-info" data-testid="viewer-banner">
              {t('sync.viewer')}
            </div>
          </Show>
          <StorageBanner />
          <DamagedNotice
            document={t('damaged.clubBook')}
            damaged={props.session.damaged}
            shared={props.session.syncStatus().type !== 'localOnly'}
          />
          <nav class="club-nav" aria-label={club().profile.name}>
            <NavLink href={base()} end lit={onMemberPage()}>
              {t('nav.roster')}
            </NavLink>
            <NavLink href={`${base()}/groups`}>{t('nav.groups')}</NavLink>
            <NavLink href={`${base()}/meetings`}>{t('nav.meetings')}</NavLink>
            <NavLink href={`${base()}/indicators`}>{t('nav.indicators')}</NavLink>
            <NavLink href={`${base()}/money`}>{t('nav.money')}</NavLink>
            <NavLink href={`${base()}/care`}>{t('nav.care')}</NavLink>
            <Show when={club().profile.kind === 'redCross'}>
              <NavLink href={`${base()}/red-cross`}>{t('nav.redCross')}</NavLink>
            </Show>
            <NavLink href={`${base()}/report`}>{t('nav.report')}</NavLink>
            <NavLink href={`${base()}/share`}>{t('nav.share')}</NavLink>
            <NavLink href={`${base()}/settings`}>{t('nav.settings')}</NavLink>
          </nav>
          {/* A screen's code loads on first use: say so instead of showing an empty page meanwhile. */}
          <main class="page">
            <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>{props.children}</Suspense>
          </main>
        </div>
      </ScreenUndoProvider>
    </ClubProvider>
  );
}
