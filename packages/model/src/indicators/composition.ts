import type { IsoDate } from '../ids/ids';
import { ageOf, listActiveMembers } from '../roster/member-queries';
import type { ClubView } from '../schema/types';

export interface Share {
  readonly count: number;
  /** 0..100; 0 when the denominator is 0. */
  readonly pct: number;
  readonly min: number;
  readonly max: number | null;
  readonly status: 'below' | 'within' | 'above' | 'noTarget';
}

export interface Composition {
  readonly total: number;
  readonly totalStatus: 'below' | 'within' | 'above';
  readonly women: Share;
  readonly older: Share;
  readonly younger: Share;
  readonly poorOrNearPoor: Share;
  readonly ethnicMinority: { count: number; pct: number };
}

function pct(count: number, total: number): number {
  return total === 0 ? 0 : (count * 100) / total;
}

/** A min of 0 with no max means the province set no target for this share. */
export function share(count: number, total: number, min: number, max: number | null): Share {
  const value = pct(count, total);
  let status: Share['status'];
  if (min === 0 && max === null) status = 'noTarget';
  else if (value < min) status = 'below';
  else if (max !== null && value > max) status = 'above';
  else status = 'within';
  return { count, pct: value, min, max, status };
}

/**
 * The club's make-up against its targets, over active members. Older and younger shares use only
 * members whose birth year is known, so a register with gaps does not look younger than it is.
 */
export function getComposition(view: ClubView, today: IsoDate): Composition {
  const s = view.settings;
  const active = listActiveMembers(view);
  const total = active.length;
  const ages = active.map((m) => ageOf(m, today)).filter((a): a is number => a !== null);
  const older = ages.filter((a) => a >= s.olderAge).length;
  const women = active.filter((m) => m.gender === 'female').length;
  const poor = active.filter((m) => m.household !== 'none').length;
  const minority = active.filter((m) => m.ethnicMinority).length;
  return {
    total,
    totalStatus: total < s.memberMin ? 'below' : total > s.memberMax ? 'above' : 'within',
    women: share(women, total, s.womenMinPct, s.womenMaxPct),
    older: share(older, ages.length, s.olderMinPct, s.olderMaxPct),
    younger: share(ages.length - older, ages.length, s.youngerMinPct, s.youngerMaxPct),
    poorOrNearPoor: share(poor, total, s.poorMinPct, null),
    ethnicMinority: { count: minority, pct: pct(minority, total) },
  };
}
