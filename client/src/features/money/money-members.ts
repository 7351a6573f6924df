import type { ClubView, MoneyMember } from '@chungtay/model';
import { isActiveMember } from '@chungtay/model';

/** The members the money indicators count: the club's active members, with joining and leaving for dues. */
export function moneyMembers(club: ClubView): MoneyMember[] {
  return club.members.filter(isActiveMember).map((m) => ({ id: m.id, joinedOn: m.joinedOn, left: m.left }));
}
