import type * as Y from 'yjs';
import { type CheckScope, pairInScope, pairOf } from './check-index';
import { checkRecord, checksMap } from './health-layout';
import {
  compareChecks,
  type HealthCheck,
  type HealthView,
  readHealth,
  readHealthCheck,
  readHealthChecksIn,
  readHealthHeader,
} from './read-health';

/** What one flush changed in the checks: enough to patch a copy of the list check by check. */
export interface HealthCheckChanges {
  /** Checks added or changed, as they are now. */
  readonly changed: readonly HealthCheck[];
  /** Every check's `<meetingId>/<memberId>` in order when checks came or went; null when the set held. */
  readonly order: readonly string[] | null;
}

export interface HealthChanges {
  /** Everything but the checks (thresholds, follow-ups, notes, locks, meta), read again when any of it changed. */
  readonly rest: Omit<HealthView, 'checks'> | null;
  readonly checks: HealthCheckChanges;
  /** Checks read and validated: one for a value typed, whatever the years of records. */
  readonly validated: number;
}

export interface HealthFollower {
  /**
   * Equal to `readHealth(doc)` after each flush, with a scope its checks only. The objects are the
   * follower's own: copy what you keep.
   */
  view(): HealthView;
  pending(): boolean;
  /** Reads what changed since the last flush and brings the view up to date. */
  flush(): HealthChanges;
  stop(): void;
}

/** The roots besides `checks`: small, read whole when they change. */
const REST_ROOTS = ['meta', 'settings', 'followUps', 'visitNotes', 'locks'] as const;

export const checkPair = (check: HealthCheck): string => `${check.meetingId}/${check.memberId}`;

/**
 * Follows a health doc check by check: one full read now, then after each batch of transactions only the
 * checks whose keys Yjs's events name are read (through the checks' key index) and validated again. Five
 * years are some 3,600 checks and 36,000 keys; a value typed touches one. `onChange` is called once per
 * batch until the next flush. With a `scope` (one meeting, or one member), the view holds that scope's
 * checks alone, read through the index of the checks' keys: a screen of one meeting opens on its 60 checks
 * instead of reading and validating five years.
 */
export function followHealth(
  doc: Y.Doc,
  onChange: () => void = () => {},
  scope?: CheckScope,
): HealthFollower {
  const pairs = new Set<string>();
  let restChanged = false;
  const pending = () => restChanged || pairs.size > 0;
  const note = (mark: () => void) => {
    const was = pending();
    mark();
    if (!was && pending()) onChange();
  };
  const checks = checksMap(doc);
  const onChecks = (event: Y.YMapEvent<unknown>) =>
    note(() => {
      for (const key of event.keysChanged) {
        const pair = pairOf(key);
        if (pair !== null && (scope === undefined || pairInScope(pair, scope))) pairs.add(pair);
      }
    });
  checks.observe(onChecks);
  const rests = REST_ROOTS.map((root) => {
    const type = doc.getMap<unknown>(root);
    const observer = () =>
      note(() => {
        restChanged = true;
      });
    type.observeDeep(observer);
    return () => type.unobserveDeep(observer);
  });

  let view: HealthView =
    scope === undefined
      ? readHealth(doc)
      : { ...readHealthHeader(doc), checks: readHealthChecksIn(doc, scope) };
  const list = [...view.checks];
  const index = (check: HealthCheck): { found: boolean; at: number } => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const order = compareChecks(list[mid] as HealthCheck, check);
      if (order === 0) return { found: true, at: mid };
      if (order < 0) low = mid + 1;
      else high = mid;
    }
    return { found: false, at: low };
  };

  return {
    view: () => view,
    pending,
    flush: () => {
      const touched = [...pairs];
      pairs.clear();
      const rest = restChanged ? readHealthHeader(doc) : null;
      restChanged = false;
      const changed: HealthCheck[] = [];
      let moved = false;
      for (const pair of touched) {
        const [meetingId = '', memberId = ''] = pair.split('/');
        const now = readHealthCheck(meetingId, memberId, () =>
          checkRecord(doc, meetingId, memberId).entries(),
        );
        const probe = now ?? ({ meetingId, memberId } as HealthCheck);
        const { found, at } = index(probe);
        if (now === null) {
          if (found) {
            list.splice(at, 1);
            moved = true;
          }
          continue;
        }
        if (found) list[at] = now;
        else {
          list.splice(at, 0, now);
          moved = true;
        }
        changed.push(now);
      }
      if (rest !== null || touched.length > 0) view = { ...view, ...(rest ?? {}), checks: [...list] };
      return {
        rest,
        checks: { changed, order: moved ? list.map(checkPair) : null },
        validated: touched.length,
      };
    },
    stop: () => {
      checks.unobserve(onChecks);
      for (const unobserve of rests) unobserve();
    },
  };
}
