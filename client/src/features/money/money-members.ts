import type { ClubView, MoneyMember } from '@chungtay/model';
import { isActiveMember } from '@chungtay/model';

/** The members the money indicators count: the club's active members, with joining and leaving for dues. */
export function moneyMembers(club: ClubView): MoneyMember[] {
  return club.members.filter(isActiveMember).map((m) => ({ id: m.id, joinedOn: m.joinedOn, left: m.left }));
}

/** Every member's full name by id (those who left too: old loans and entries still name them). */
export function memberNames(club: ClubView): ReadonlyMap<string, string> {
  return new Map(club.members.map((m) => [m.id as string, m.fullName]));
}
