import type * as Y from 'yjs';
import type { WriteRecord } from '../conflicts/field-writes';

/**
 * The keys of each check (`<meetingId>/<memberId>/…`) in a health doc's flat `checks` map, so one check's
 * record is read without walking the whole map: five years of a club's checks are some 36,000 keys, and
 * a measurement's write record must find the field's earlier writes (conflicts/field-writes.ts) on every
 * value typed. Derived data only, rebuilt from the map when first asked and kept current by the map's
 * own observer (remote updates, undo) and by the record's writes themselves (so a later write in the same
 * transaction sees an earlier one before the observer runs). Held per map in a WeakMap: it goes with its
 * doc and changes nothing that is stored.
 */
const indexes = new WeakMap<Y.Map<unknown>, CheckIndex>();

interface CheckIndex {
  /** `<meetingId>/<memberId>` → the check's keys. */
  readonly keys: Map<string, Set<string>>;
  /** Meeting id → pairs, and member id → pairs, that ever held a key here: a screen of one meeting or one
   *  member reads those checks alone. A pair whose keys all went stays listed and reads as no check. */
  readonly byMeeting: Map<string, Set<string>>;
  readonly byMember: Map<string, Set<string>>;
}

/** `<meetingId>/<memberId>` of a key with at least a field after it, else null. */
export function pairOf(key: string): string | null {
  const first = key.indexOf('/');
  const second = first < 0 ? -1 : key.indexOf('/', first + 1);
  return second < 0 ? null : key.slice(0, second);
}

function addTo(map: Map<string, Set<string>>, at: string, item: string): void {
  const items = map.get(at);
  if (items === undefined) map.set(at, new Set([item]));
  else items.add(item);
}

function add(index: CheckIndex, key: string): void {
  const pair = pairOf(key);
  if (pair === null) return;
  if (!index.keys.has(pair)) {
    const slash = pair.indexOf('/');
    addTo(index.byMeeting, pair.slice(0, slash), pair);
    addTo(index.byMember, pair.slice(slash + 1), pair);
  }
  addTo(index.keys, pair, key);
}

function indexOf(map: Y.Map<unknown>): CheckIndex {
  const known = indexes.get(map);
  if (known !== undefined) return known;
  const built: CheckIndex = { keys: new Map(), byMeeting: new Map(), byMember: new Map() };
  for (const key of map.keys()) add(built, key);
  map.observe((event) => {
    for (const key of event.keysChanged) {
      if (map.has(key)) add(built, key);
      else built.keys.get(pairOf(key) ?? '')?.delete(key);
    }
  });
  indexes.set(map, built);
  return built;
}

/**
 * The `<meetingId>/<memberId>` pairs of one meeting's checks or one member's, from the index (built on the
 * first call for this map, then kept current): what the health-check screen and a member's chart read,
 * instead of every check. May name pairs that hold no check any more.
 */
export function indexedPairs(map: Y.Map<unknown>, scope: CheckScope): readonly string[] {
  const index = indexOf(map);
  const pairs =
    'meetingId' in scope ? index.byMeeting.get(scope.meetingId) : index.byMember.get(scope.memberId);
  return [...(pairs ?? [])];
}

/** One meeting's checks, or one member's across the meetings. */
export type CheckScope = { readonly meetingId: string } | { readonly memberId: string };

/** Whether `<meetingId>/<memberId>` is in the scope. */
export function pairInScope(pair: string, scope: CheckScope): boolean {
  const slash = pair.indexOf('/');
  return 'meetingId' in scope
    ? pair.slice(0, slash) === scope.meetingId
    : pair.slice(slash + 1) === scope.memberId;
}

/** One check of the `checks` map as a record of its own (`field` ↔ `<pair>/<field>`), found by the index. */
export function indexedCheckRecord(map: Y.Map<unknown>, pair: string): WriteRecord {
  const index = indexOf(map);
  const prefix = `${pair}/`;
  const keys = () => index.keys.get(pair) ?? new Set<string>();
  return {
    *entries() {
      for (const key of [...keys()])
        if (map.has(key)) yield [key.slice(prefix.length), map.get(key)] as [string, unknown];
    },
    get: (key) => map.get(prefix + key),
    has: (key) => map.has(prefix + key),
    set: (key, value) => {
      map.set(prefix + key, value);
      add(index, prefix + key);
      return value;
    },
    delete: (key) => {
      map.delete(prefix + key);
      keys().delete(prefix + key);
    },
  };
}
