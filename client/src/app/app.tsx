import { Route, Router } from '@solidjs/router';
import { ErrorBoundary, type JSX, lazy, onCleanup } from 'solid-js';
import { PendingWritesProvider } from '../data/session/pending-writes';
import { ClubLayout } from '../features/clubs/club-layout';
import { ClubList } from '../features/clubs/club-list';
import { RosterPage } from '../features/roster/roster-page';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button/button';
import { ToastRegion } from '../ui/toast/toast';
import { isMissingScreen, reloadWhenOnline } from './missing-screen';
import { UpdatePrompt } from './update-prompt';

// The roster is the first screen people open; everything else loads on demand.
const CreateClubPage = lazy(() => import('../features/clubs/create-club-page'));
const MemberPage = lazy(() => import('../features/roster/member-page'));
const ImportPage = lazy(() => import('../features/roster-import/import-page'));
const ExportPage = lazy(() => import('../features/roster-export/export-page'));
const GroupsPage = lazy(() => import('../features/groups/groups-page'));
const MeetingsPage = lazy(() => import('../features/meetings/meetings-page'));
const MeetingPage = lazy(() => import('../features/meetings/meeting-page'));
// The minutes editor (Tiptap, Yjs bindings) loads only when a meeting's minutes are opened.
const MinutesPage = lazy(() => import('../features/minutes/minutes-page'));
// The health checks of one meeting: their own screen, one tap from the meeting.
const HealthCheckPage = lazy(() => import('../features/health-check/health-check-page'));
const FollowUpsPage = lazy(() => import('../features/health-check/follow-ups-page'));
const MemberHealthPage = lazy(() => import('../features/health-check/member-health-page'));
// The money book (private, committee tablets only): one lazy route for all its screens, loaded when "Quỹ" is opened.
const MoneySection = lazy(() => import('../features/money/money-layout'));
// Home care (private, committee tablets only): one lazy route for its screens, loaded when opened.
const CareSection = lazy(() => import('../features/care/care-section'));
// A Red Cross chapter's volunteer register and activity log (in the club doc), loaded when opened.
const RedCrossPage = lazy(() => import('../features/red-cross/red-cross-page'));
// The periodic report (committee only): its editor and print load when it is opened.
const ReportPage = lazy(() => import('../features/report/report-page'));
const IndicatorsPage = lazy(() => import('../features/indicators/indicators-page'));
const SettingsPage = lazy(() => import('../features/settings/settings-page'));
const SharePage = lazy(() => import('../features/share/share-page'));
const JoinPage = lazy(() => import('../features/join/join-page'));
// A supervisor's clubs side by side, from their summary documents (viewer keys open nothing else).
const SupervisorPage = lazy(() => import('../features/supervisor/supervisor-page'));

function Crash(props: { error: unknown }): JSX.Element {
  const { t } = useI18n();
  // Not a fault of the app: the signal went before this screen was kept on the tablet. Said calmly, and
  // the screen opens by itself when the signal is back.
  const missing = isMissingScreen(props.error);
  if (missing) onCleanup(reloadWhenOnline());
  return (
    <main class="page narrow" role="alert">
      <h1>{t(missing ? 'app.screenMissingTitle' : 'app.errorTitle')}</h1>
      <p>{t(missing ? 'app.screenMissingBody' : 'app.errorBody')}</p>
      {!missing && <pre class="error-detail">{String(props.error)}</pre>}
      <Button variant="primary" onClick={() => location.reload()}>
        {t('app.reload')}
      </Button>
    </main>
  );
}

export function App(): JSX.Element {
  return (
    <I18nProvider>
      <PendingWritesProvider>
        <ErrorBoundary fallback={(error) => <Crash error={error} />}>
          <UpdatePrompt />
          <Router>
            <Route path="/" component={ClubList} />
            <Route path="/new" component={CreateClubPage} />
            <Route path="/join" component={JoinPage} />
            <Route path="/supervisor" component={SupervisorPage} />
            <Route path="/club/:clubId" component={ClubLayout}>
              <Route path="/" component={RosterPage} />
              <Route path="/members/:memberId" component={MemberPage} />
              <Route path="/import" component={ImportPage} />
              <Route path="/export" component={ExportPage} />
              <Route path="/groups" component={GroupsPage} />
              <Route path="/meetings" component={MeetingsPage} />
              <Route path="/meetings/:meetingId" component={MeetingPage} />
              <Route path="/meetings/:meetingId/minutes" component={MinutesPage} />
              <Route path="/meetings/:meetingId/health" component={HealthCheckPage} />
              <Route path="/health" component={FollowUpsPage} />
              <Route path="/health/:memberId" component={MemberHealthPage} />
              <Route path={['/care', '/care/*rest']} component={CareSection} />
              <Route path="/red-cross" component={RedCrossPage} />
              <Route path="/report" component={ReportPage} />
              <Route path="/indicators" component={IndicatorsPage} />
              <Route path={['/money', '/money/*rest']} component={MoneySection} />
              <Route path="/settings" component={SettingsPage} />
              <Route path="/share" component={SharePage} />
            </Route>
          </Router>
          <ToastRegion />
        </ErrorBoundary>
      </PendingWritesProvider>
    </I18nProvider>
  );
}
