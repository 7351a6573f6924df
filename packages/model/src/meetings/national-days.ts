import { type IsoDate, yearOf } from '../ids/ids';
import type { ClubKind } from '../schema/enums';

/**
 * The national days a veterans' club meets on, usually with the veterans' association branch: Reunification
 * Day, Labour Day, President Hồ Chí Minh's birthday, the August Revolution, National Day, the Veterans'
 * Association's founding and People's Army Day. Keyed 'mmdd' so the UI names each one from its catalogue.
 */
export const NATIONAL_MEETING_DAYS = ['0430', '0501', '0519', '0819', '0902', '1206', '1222'] as const;
export type NationalMeetingDay = (typeof NATIONAL_MEETING_DAYS)[number];

export interface UpcomingNationalDay {
  readonly day: NationalMeetingDay;
  readonly date: IsoDate;
}

/** Which clubs plan around these days; other kinds meet monthly on days of their own choosing. */
export function meetsOnNationalDays(kind: ClubKind): boolean {
  return kind === 'veterans';
}

/**
 * Each national day's next occurrence from `today` (today included), soonest first: the days a secretary
 * can pick from when planning the next meeting.
 */
export function listUpcomingNationalDays(today: IsoDate): readonly UpcomingNationalDay[] {
  const year = yearOf(today);
  return NATIONAL_MEETING_DAYS.map((day) => {
    const thisYear = `${year}-${day.slice(0, 2)}-${day.slice(2)}`;
    return { day, date: thisYear >= today ? thisYear : `${year + 1}-${day.slice(0, 2)}-${day.slice(2)}` };
  }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
