import type { MinutesApprovalInput } from '@chungtay/model';
import { type Accessor, createEffect } from 'solid-js';
import type { ClubSession } from '../../data/club/club-session';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import type { MoneySession } from '../../data/money/money-session';

/** What the locked documents need to know of these minutes, as they stand on this tablet now. */
export function approvalInput(minutes: MinutesSession): MinutesApprovalInput {
  const { approval, reopenings } = minutes.view;
  return {
    meetingId: minutes.meetingId as MinutesApprovalInput['meetingId'],
    approvedAt: approval.status === 'approved' ? approval.approvedAt : null,
    reopenings: reopenings.length,
  };
}

/**
 * The meeting's marks (club doc) and money (book) lock with its approved minutes (issue 12 §4), as its
 * measurements do (health-section.tsx): written here, where the minutes and those documents are open
 * together, on the tablet that approves or reopens and on any tablet that opens the minutes later. The
 * model ignores minutes older than a lock and writes nothing when a lock already matches.
 */
export function followApproval(
  minutes: Accessor<MinutesSession | undefined>,
  club: ClubSession,
  money: Accessor<MoneySession | undefined>,
): void {
  createEffect(() => {
    const session = minutes();
    if (session === undefined) return;
    const input = approvalInput(session);
    // A meeting deleted meanwhile is simply not found: there is nothing left to lock.
    if (club.canEdit()) club.commands.followMinutesForAttendance(input);
    const book = money();
    if (book?.canEdit()) book.commands.followMinutes(input);
  });
}
