import { compareText, type IsoDate } from '../ids/ids';
import type { CareView, Pairing, Visit } from './read-care';

export interface PairingStatus {
  readonly pairing: Pairing;
  readonly lastVisit: Visit | null;
  /**
   * Whole days since the last visit, or since the pairing started when there was none yet: a member
   * paired a month ago and never visited is as overdue as one last visited a month ago.
   */
  readonly daysSince: number;
  /** More days than the pairing's interval (else the club's) have passed. */
  readonly overdue: boolean;
}

/** Days from a to b, both 'yyyy-mm-dd' (calendar days, no time zone: UTC arithmetic avoids DST). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Active pairings (not ended by `today`) with their last visit, members not visited for longer than
 * the interval first, the longest wait first; then the rest, the longest wait first.
 */
export function listPairingStatus(view: CareView, today: IsoDate): readonly PairingStatus[] {
  const last = new Map<string, Visit>();
  // view.visits is newest first, so the first seen per pairing is its last visit.
  for (const visit of view.visits) if (!last.has(visit.pairingId)) last.set(visit.pairingId, visit);
  return view.pairings
    .filter((p) => p.end === null || p.end > today)
    .map((pairing) => {
      const lastVisit = last.get(pairing.id) ?? null;
      const daysSince = Math.max(0, daysBetween(lastVisit?.date ?? pairing.start, today));
      const interval = pairing.intervalDays ?? view.visitIntervalDays;
      return { pairing, lastVisit, daysSince, overdue: daysSince > interval };
    })
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        b.daysSince - a.daysSince ||
        compareText(a.pairing.id, b.pairing.id),
    );
}

/** A pairing's visits, newest first. */
export function listPairingVisits(view: CareView, pairingId: string): readonly Visit[] {
  return view.visits.filter((visit) => visit.pairingId === pairingId);
}

/** Visits in one month 'yyyy-mm', oldest first, as a paper log reads. */
export function listMonthVisits(view: CareView, month: string): readonly Visit[] {
  return view.visits
    .filter((visit) => visit.date.startsWith(`${month}-`))
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
}
