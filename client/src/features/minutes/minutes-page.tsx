import {
  type ClubId,
  compareVietnameseNames,
  getMeetingMoney,
  getMember,
  listActiveMembers,
  listHealthChecks,
  type Meeting,
  type MeetingId,
  type MemberId,
  moneyDocName,
} from '@chungtay/model';
import { A, useParams } from '@solidjs/router';
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  type JSX,
  on,
  onCleanup,
  onMount,
  Show,
} from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { type HealthSession, openHealthSession } from '../../data/health/health-session';
import {
  discardOldCopy,
  type KeptAside,
  settleOldCopies,
  watchMinutesGeneration,
} from '../../data/minutes/minutes-generation';
import { type MinutesSession, openMinutesSession } from '../../data/minutes/minutes-session';
import { type MoneySession, openMoneySession } from '../../data/money/money-session';
import { useScreenUndo } from '../../data/session/screen-undo';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { showToast } from '../../ui/toast/toast';
import { DamagedNotice } from '../clubs/damaged-notice';
import { ActionsSection } from './actions-section';
import { AgendaSection } from './agenda-section';
import { ApprovalSection } from './approval-section';
import { followApproval } from './follow-approval';
import { HeaderSection, type MemberOption } from './header-section';
import { HealthSection } from './health-section';
import { KeptAsideSection } from './kept-aside-section';
import { MinutesPrint } from './minutes-print';
import { MinutesMoneySection } from './money-section';
import { RedactionSection } from './redaction-section';
import { redactionNote } from './redaction-words';
import { SectionBar } from './section-bar';
import { VersionsSection } from './versions-section';
import './minutes.css';

/** The minutes of one meeting: opens their own doc (and, for editors, the health doc) on demand. */
export default function MinutesPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const params = useParams<{ meetingId: string }>();
  const club = useClub();
  // While open, the header's undo acts on these minutes and health records, not on the club.
  const screenUndo = useScreenUndo();
  const hidden: (() => void)[] = [];
  const meeting = () => club.club.meetings.find((m) => m.id === (params.meetingId as MeetingId));
  const [minutes, setMinutes] = createSignal<MinutesSession>();
  const [health, setHealth] = createSignal<HealthSession>();
  const [money, setMoney] = createSignal<MoneySession>();
  // The money book is private like the health records: only tablets the relay would let open it try.
  const mayOpenMoney = () => club.canOpen(moneyDocName(club.clubId as ClubId));
  const [failed, setFailed] = createSignal(false);
  const [printing, setPrinting] = createSignal(false);
  let disposed = false;
  // Copies of an earlier generation of these minutes with notes this tablet never sent (issue 12 §2).
  const [kept, setKept] = createSignal<readonly KeptAside[]>([]);
  // Old copies looked at (and deleted or kept aside): the page says so, for tests and the bench to wait on.
  const [settled, setSettled] = createSignal(false);
  const settle = (meetingId: MeetingId) =>
    settleOldCopies(club.clubId, meetingId)
      .then((copies) => !disposed && setKept(copies))
      .catch(() => setKept([]))
      .finally(() => setSettled(true));
  const openMinutes = (m: Meeting) => {
    openMinutesSession({
      clubId: club.clubId,
      meeting: m,
      author: club.author,
      canEditClub: club.canEdit,
      // Shared (or given new keys) while open: the minutes start syncing without a reload.
      accessChanges: club.onAccessChange,
    })
      .then((s) => {
        if (disposed) return void s.close();
        setMinutes(() => s);
        hidden.push(screenUndo.show(s));
        void settle(m.id);
      })
      .catch(() => setFailed(true));
  };
  onMount(() => {
    const m = meeting();
    if (!m) return;
    openMinutes(m);
    // Rewritten as a new generation (here or on another tablet): close this one and open the new one;
    // its old copy is then deleted here, or kept aside if it holds unsent notes (settleOldCopies).
    const stopWatching = watchMinutesGeneration(club.clubId, m.id, () => {
      const previous = minutes();
      setMinutes(undefined);
      setSettled(false);
      void (previous?.close() ?? Promise.resolve()).finally(() => !disposed && openMinutes(m));
    });
    onCleanup(stopWatching);
    // Health data is sensitive: only committee (editor) keys open it; the relay refuses viewers.
    if (club.canOpenHealth()) {
      openHealthSession(club.clubId, club.author, {
        canEditClub: club.canEdit,
        accessChanges: club.onAccessChange,
      })
        .then((s) => {
          if (disposed) return void s.close();
          setHealth(() => s);
          hidden.push(screenUndo.show(s));
        })
        .catch(() => setHealth(undefined));
    }
    if (mayOpenMoney()) {
      openMoneySession(club.clubId, club.club.profile.kind, club.author, {
        canEditClub: club.canEdit,
        accessChanges: club.onAccessChange,
      })
        .then((s) => {
          if (disposed) return void s.close();
          setMoney(() => s);
        })
        .catch(() => setMoney(undefined));
    }
  });
  // Once both are open, the minutes' own money lines (written before the book existed) move into the book,
  // once: their ids are derived from the lines, so a second tablet doing the same adds nothing.
  createEffect(
    on([minutes, money], ([mins, book]) => {
      if (!mins || !book?.canEdit() || mins.view.money.length === 0) return;
      book.commands.moveMinutesMoney(mins.view);
    }),
  );
  followApproval(minutes, club, money);
  const meetingMoney = createMemo(() => {
    const book = money();
    // Approved minutes show (and print) the money as it was when signed: a later correction is the book's.
    const approval = minutes()?.view.approval;
    const approvedAt = approval?.status === 'approved' ? approval.approvedAt : null;
    return book ? getMeetingMoney(book.view, params.meetingId as MeetingId, approvedAt) : undefined;
  });
  onCleanup(() => {
    disposed = true;
    for (const hide of hidden) hide();
    void minutes()?.close();
    void health()?.close();
    void money()?.close();
  });
  const nameOf = (id: string | null) => (id ? (getMember(club.club, id as MemberId)?.fullName ?? '') : '');
  // Active members, plus anyone marked in these minutes who has since left.
  const members = (): MemberOption[] => {
    const active = listActiveMembers(club.club);
    const marked = Object.keys(minutes()?.view.attendance ?? {})
      .map((id) => getMember(club.club, id as MemberId))
      .filter((m) => m !== undefined && !active.some((a) => a.id === m.id));
    return [...active, ...marked]
      .filter((m) => m !== undefined)
      .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
      .map((m) => ({ id: m.id, label: m.fullName }));
  };
  const healthChecks = (id: MeetingId) => {
    const h = health();
    return h ? { checks: listHealthChecks(h.view, id), thresholds: h.view.thresholds } : null;
  };
  const note = (session: MinutesSession) =>
    redactionNote(t, session.redactions(), session.view.approval.status === 'approved', nameOf);
  const back = () => `/club/${club.clubId}/meetings/${params.meetingId}`;
  return (
    <Show when={meeting()} fallback={<p class="empty">{t('meetings.notFound')}</p>}>
      {(m) => (
        <Show
          when={minutes()}
          fallback={<p class="page loading">{failed() ? t('minutes.openFailed') : t('minutes.loading')}</p>}
        >
          {(session) => (
            <div
              class="minutes-page"
              data-minutes-sync={session().syncStatus().type}
              data-minutes-save={session().saveState()}
              data-old-copies={settled() ? 'settled' : 'pending'}
            >
              <DamagedNotice
                document={t('damaged.minutes', { date: i18n.date(m().date) })}
                damaged={session().damaged}
                shared={session().syncStatus().type !== 'localOnly'}
              />
              <Show when={health()}>
                {(h) => (
                  <DamagedNotice
                    document={t('damaged.healthBook')}
                    damaged={h().damaged}
                    shared={h().syncStatus().type !== 'localOnly'}
                  />
                )}
              </Show>
              <div class="page-title-row no-print">
                <A href={back()} class="btn btn-quiet">
                  ← {t(`meetingKind.${m().kind}`)} {i18n.date(m().date)}
                </A>
                <Button variant="secondary" onClick={() => setPrinting(!printing())}>
                  {printing() ? t('minutes.backToEdit') : t('minutes.printView')}
                </Button>
                <Show when={printing()}>
                  <Button variant="primary" onClick={() => window.print()}>
                    {t('minutes.print')}
                  </Button>
                </Show>
              </div>
              <Show
                when={!printing()}
                fallback={
                  <MinutesPrint
                    content={session().approvedView() ?? session().view}
                    bodies={session().printBodies()}
                    approved={session().view.approval.status === 'approved'}
                    clubName={club.club.profile.name}
                    placeName={club.club.profile.commune || session().view.header.place}
                    kind={t(`meetingKind.${m().kind}`)}
                    members={members()}
                    nameOf={nameOf}
                    health={healthChecks(m().id)}
                    money={meetingMoney()}
                    note={note(session())}
                  />
                }
              >
                <Show
                  when={session().view.meetingId}
                  fallback={<p class="empty">{t('minutes.notStarted')}</p>}
                >
                  <div class="page-title-row">
                    <h1>{t('minutes.title')}</h1>
                    <span
                      class="badge"
                      data-testid="minutes-status"
                      data-status={session().view.approval.status}
                    >
                      {session().view.approval.status === 'approved'
                        ? t('minutes.approved')
                        : t('minutes.draft')}
                    </span>
                  </div>
                  <Show when={session().view.approval.status === 'approved'}>
                    <div class="banner banner-info" role="status">
                      {t('minutes.approvedBanner')}
                    </div>
                  </Show>
                  <Show when={note(session())}>
                    {(text) => (
                      <div class="banner banner-info" role="status" data-testid="redaction-note">
                        {text()}
                      </div>
                    )}
                  </Show>
                  <For each={kept()}>
                    {(copy) => (
                      <KeptAsideSection
                        kept={copy}
                        agenda={session().view.agenda}
                        onDiscard={() =>
                          void discardOldCopy(club.clubId, copy).then(() => {
                            setKept((all) => all.filter((each) => each !== copy));
                            showToast(t('redaction.keptDiscarded'), 'success');
                          })
                        }
                      />
                    )}
                  </For>
                  <SectionBar />
                  <HeaderSection session={session()} members={members()} meeting={m()} />
                  <AgendaSection session={session()} />
                  <ActionsSection session={session()} members={members()} />
                  <Show when={mayOpenMoney()}>
                    <MinutesMoneySection
                      clubId={club.clubId}
                      meetingId={m().id}
                      money={meetingMoney()}
                      nameOf={nameOf}
                    />
                  </Show>
                  <HealthSection minutes={session()} health={health()} members={members()} />
                  <ApprovalSection session={session()} nameOf={nameOf} />
                  <VersionsSection session={session()} nameOf={nameOf} />
                  <Show when={club.canEdit()}>
                    <RedactionSection session={session()} />
                  </Show>
                </Show>
              </Show>
            </div>
          )}
        </Show>
      )}
    </Show>
  );
}
