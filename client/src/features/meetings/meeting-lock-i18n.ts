import type { ApprovedError, CommandError, Meeting, Result } from '@chungtay/model';
import { enMeetingLock } from '../../i18n/en-meeting-lock';
import { todayIso } from '../../i18n/format';
import { type I18n, useI18n } from '../../i18n/i18n-context';
import { createSectionTranslator, type SectionKey } from '../../i18n/lazy-section';
import { viMeetingLock } from '../../i18n/vi-meeting-lock';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';

export type MeetingLockKey = SectionKey<typeof viMeetingLock>;

export interface MeetingLockI18n extends I18n {
  /** A message of the locked meeting's own catalogue (i18n/vi-meeting-lock.ts). */
  l(key: MeetingLockKey, args?: Record<string, string | number>): string;
  /** The day an approval was sealed, in this tablet's time zone ("20/03/2026"). */
  approvedOn(approvedAt: string): string;
}

/** The words of a locked meeting come with the meeting, minutes and money screens that show them. */
export function useMeetingLockI18n(): MeetingLockI18n {
  const base = useI18n();
  const l = createSectionTranslator(base.locale, { vi: viMeetingLock, en: enMeetingLock });
  return { ...base, l, approvedOn: (approvedAt) => base.date(todayIso(new Date(approvedAt))) };
}

/** The lock line of a meeting whose minutes are approved; null while its marks can change. */
export function attendanceLockLine(i18n: MeetingLockI18n, meeting: Meeting): string | null {
  const lock = meeting.attendanceLock;
  return lock === undefined ? null : i18n.l('attendance.line', { date: i18n.approvedOn(lock.approvedAt) });
}

/** A mark's outcome: the model refuses a locked meeting (another tablet approved while this one showed it). */
export function markFeedback(i18n: MeetingLockI18n, result: Result<void, CommandError | ApprovedError>) {
  if (result.ok) return null;
  const error = result.error;
  if (error.type !== 'approved') return feedback(i18n, { ok: false, error });
  showToast(i18n.l('attendance.refused'), 'error');
  return {};
}
