import type { GroupId, MeetingId, MemberId } from '../ids/ids';
import { isActiveMember } from '../roster/member-queries';
import type { ClubView } from '../schema/types';

export interface GroupSize {
  readonly groupId: GroupId;
  /** Active members only. */
  readonly size: number;
  readonly status: 'under' | 'ok' | 'over';
}

/** Sizes of groups still running, against the club's 7–20 style bounds. */
export function getGroupSizes(view: ClubView): readonly GroupSize[] {
  const active = new Set<string>(view.members.filter(isActiveMember).map((m) => m.id));
  const { groupMin, groupMax } = view.settings;
  return view.groups
    .filter((g) => g.retiredOn === null)
    .map((g) => {
      const size = g.memberIds.filter((id) => active.has(id)).length;
      return { groupId: g.id, size, status: size < groupMin ? 'under' : size > groupMax ? 'over' : 'ok' };
    });
}

export interface AttendanceSummary {
  readonly present: number;
  readonly excused: number;
  readonly absent: number;
  /** Active members with no mark at this meeting. */
  readonly unmarked: number;
  /** Everyone on this meeting's list: the active members plus anyone marked who has since left. */
  readonly roster: number;
  /**
   * present / roster, 0..1; 0 for an empty roster. Over the whole roster, not over those marked: a
   * meeting where 45 of 59 came is 76 %, even while the secretary has marked only 50 so far.
   */
  readonly rate: number;
}

export function getMeetingAttendance(view: ClubView, meetingId: MeetingId): AttendanceSummary {
  const meeting = view.meetings.find((m) => m.id === meetingId);
  const marks = meeting?.attendance ?? {};
  let present = 0;
  let excused = 0;
  let absent = 0;
  for (const status of Object.values(marks)) {
    if (status === 'present') present++;
    else if (status === 'excused') excused++;
    else absent++;
  }
  const unmarked =
    meeting === undefined ? 0 : view.members.filter((m) => isActiveMember(m) && !(m.id in marks)).length;
  const roster = present + excused + absent + unmarked;
  return { present, excused, absent, unmarked, roster, rate: roster === 0 ? 0 : present / roster };
}

/** How often one member came, over the meetings where they were marked at all. */
export function getMemberAttendance(
  view: ClubView,
  memberId: MemberId,
): { readonly present: number; readonly marked: number; readonly rate: number } {
  let present = 0;
  let marked = 0;
  for (const meeting of view.meetings) {
    const status = meeting.attendance[memberId];
    if (status === undefined) continue;
    marked++;
    if (status === 'present') present++;
  }
  return { present, marked, rate: marked === 0 ? 0 : present / marked };
}
