import type { ClubId, CommandError, MemberId, Result } from '@chungtay/model';
import * as model from '@chungtay/model';
import type { ClubSession } from './club-session';

/**
 * Erases a member (Law 91/2025/QH15): their personal data in the club doc now, and, on a committee tablet,
 * what the health, money and care docs hold about them. Each of those is opened here (a screen may
 * already have it open: its own guard erases there too), erased by its session's guard (erasure-guard.ts)
 * as it loads, stored, and closed; then the old rows' bytes are scrubbed from this tablet's files
 * (erasure-scrub.ts). Not awaited by the screen: if the tablet closes first, both happen at the club's next
 * open, since the erased ids are in the club doc. Returns the club doc's result.
 */
export function eraseMember(club: ClubSession, id: MemberId): Result<void, CommandError> {
  const result = club.commands.erasePersonalData(id);
  if (result.ok) void import('./erasure-scrub').then((scrub) => scrub.scrubAfterErasure(club));
  return result;
}

/** The health, money and care docs' part (exported for its test: the screen does not wait for it). */
export async function eraseInSiblingDocs(club: ClubSession): Promise<void> {
  const clubId = club.clubId as ClubId;
  const options = { canEditClub: club.canEdit, accessChanges: club.onAccessChange };
  const opens: Promise<{ whenSaved(): Promise<void>; close(): Promise<void> }>[] = [];
  if (club.canOpen(model.healthDocName(clubId)))
    opens.push(
      import('../health/health-session').then((m) => m.openHealthSession(clubId, club.author, options)),
    );
  if (club.canOpen(model.moneyDocName(clubId)))
    opens.push(
      import('../money/money-session').then((m) =>
        m.openMoneySession(clubId, club.club.profile.kind, club.author, options),
      ),
    );
  if (club.canOpen(model.careDocName(clubId)))
    opens.push(import('../care/care-session').then((m) => m.openCareSession(clubId, club.author, options)));
  for (const opened of await Promise.allSettled(opens)) {
    if (opened.status !== 'fulfilled') continue;
    // Stored before closing: the relay gets it from this tablet's copy when the doc next syncs.
    await opened.value.whenSaved();
    await opened.value.close();
  }
}
