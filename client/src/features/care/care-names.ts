import type { ClubView } from '@chungtay/model';

/** Member names by id, for the care screens (the care doc holds ids only). */
export function memberNames(club: ClubView): ReadonlyMap<string, string> {
  return new Map(club.members.map((m) => [m.id as string, m.fullName]));
}

/** Members still in the club, in the register's order (by given name): who can visit or be visited. */
export function activeMembers(club: ClubView): readonly { value: string; label: string }[] {
  return club.members
    .filter((m) => m.left === null)
    .map((m) => ({ value: m.id as string, label: m.fullName }));
}
