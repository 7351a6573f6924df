import type { IsoDate, MeetingId } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, Index, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { CashCount } from './cash-count';
import { useMeetingApproval } from './meeting-approval';
import {
  getMeetingCollection,
  keepUnchangedPayers,
  type Payer,
  type PresentMember,
} from './meeting-collection';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';
import { PayerRow } from './payer-row';

/**
 * The treasurer's meeting-day screen: the members present with what each owes today already filled in,
 * one tap per member who pays as due, totals as they go, and the cash count at the end.
 */
export default function MeetingMoneyPage(props: { meetingId: string }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  // The money section reads the id from the path (money-routes.ts) and passes it in.
  const params = props;
  const meeting = () => club.club.meetings.find((m) => m.id === params.meetingId);
  return (
    <Show when={meeting()} fallback={<p class="empty">{i18n.m('meeting.meetingNotFound')}</p>}>
      {(m) => {
        const when = () => ({ id: m().id as MeetingId, date: m().date as IsoDate });
        const future = () => m().date > club.today();
        // Members present, in the register's order (by given name); the attendance is the club's.
        const present = createMemo((): PresentMember[] =>
          club.club.members
            .filter((member) => m().attendance[member.id] === 'present')
            .map((member) => ({
              id: member.id,
              fullName: member.fullName,
              joinedOn: member.joinedOn,
              left: member.left,
            })),
        );
        const collection = createMemo(() =>
          getMeetingCollection(
            book.view,
            present(),
            when().id,
            when().date,
            book.loanStates(when().date),
            book.index(),
          ),
        );
        // Payers whose figures a tap did not change keep their object, so their rows are left alone.
        const payers = createMemo<readonly Payer[]>((previous) =>
          keepUnchangedPayers(previous, collection().payers),
        );
        const owing = () => collection().payers.filter((p) => p.due > 0 || p.paidHere > 0).length;
        const approval = useMeetingApproval(m());
        const locked = () => approval()?.approved === true;
        const disabled = () => future() || !book.canEdit() || locked();
        return (
          <>
            <A href={`/club/${club.clubId}/meetings/${m().id}`} class="btn btn-quiet">
              ← {i18n.m('meeting.back')}
            </A>
            <h1>{i18n.m('meeting.title', { date: i18n.date(m().date) })}</h1>
            <Show when={future()}>
              <p class="banner banner-warning">{i18n.m('meeting.futureMeeting')}</p>
            </Show>
            <Show when={locked()}>
              <div class="banner banner-warning" role="status" data-testid="meeting-money-locked">
                <p>{i18n.m('meeting.approvedLock')}</p>
                <A href={`/club/${club.clubId}/money`} class="btn btn-secondary">
                  {i18n.m('meeting.toBook')}
                </A>
              </div>
            </Show>
            <p class="muted">{i18n.m('meeting.intro')}</p>
            <div class="money-totals" role="status" data-testid="meeting-totals">
              <span>
                {i18n.m('meeting.collected')}:{' '}
                <strong class="money-amount" data-testid="collected">
                  {i18n.dong(collection().collected)}
                </strong>
              </span>
              <span>
                {i18n.m('meeting.expected')}:{' '}
                <strong class="money-amount">{i18n.dong(collection().expected)}</strong>
              </span>
              <span>
                {i18n.m('meeting.remaining')}:{' '}
                <strong class="money-amount">
                  {i18n.dong(collection().expected - collection().collected)}
                </strong>
              </span>
              <span data-testid="payers-done">
                {i18n.m('meeting.payers', { done: collection().payersDone, count: owing() })}
              </span>
            </div>
            <ul
              class="plain-list payer-list"
              aria-label={i18n.m('meeting.title', { date: i18n.date(m().date) })}
            >
              {/* By position: the register's order is stable, so a tap updates one row instead of remounting all. */}
              <Index each={payers()} fallback={<li class="empty">{i18n.m('meeting.nobody')}</li>}>
                {(payer) => <PayerRow payer={payer()} meeting={when()} disabled={disabled()} />}
              </Index>
            </ul>
            <CashCount meeting={when()} expected={collection().netCash} disabled={disabled()} />
          </>
        );
      }}
    </Show>
  );
}
