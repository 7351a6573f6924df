import type { MemberId } from '../ids/ids';
import type { Member } from '../schema/types';

/**
 * Merges are resolved again in every projection, not only when mergeMembers runs, because peers keep
 * writing while offline: one may mark attendance for, or assign to a group, a record another peer has
 * just merged away, and two peers may merge the same pair in opposite directions. The projection maps
 * every reference to a merged record onto the record it ended in, so those writes still count.
 */
export type MergeResolver = (id: MemberId) => MemberId;

export function createMergeResolver(members: readonly Member[]): MergeResolver {
  const known = new Set<string>(members.map((m) => m.id));
  const next = new Map<MemberId, MemberId>();
  for (const m of members) {
    // A target that does not exist (yet) on this peer is ignored rather than hiding the member.
    if (m.mergedInto !== null && m.mergedInto !== m.id && known.has(m.mergedInto))
      next.set(m.id, m.mergedInto);
  }
  const roots = new Map<MemberId, MemberId>();
  return (id) => {
    const cached = roots.get(id);
    if (cached !== undefined) return cached;
    const path: MemberId[] = [];
    let current = id;
    for (
      let step = next.get(current);
      step !== undefined && !path.includes(current);
      step = next.get(current)
    ) {
      path.push(current);
      current = step;
    }
    let root = current;
    // Opposite merges made a cycle: the smallest id survives, the same choice on every peer.
    if (path.includes(current)) root = [...path.slice(path.indexOf(current))].sort()[0] ?? current;
    for (const p of path) roots.set(p, root);
    roots.set(id, root);
    return root;
  };
}

export function resolveMembers(members: readonly Member[], resolve: MergeResolver): Member[] {
  return members.map((m) => {
    const root = resolve(m.id);
    const mergedInto = root === m.id ? null : root;
    return mergedInto === m.mergedInto ? m : { ...m, mergedInto };
  });
}

export function resolveIds(ids: readonly MemberId[], resolve: MergeResolver): MemberId[] {
  return [...new Set(ids.map(resolve))].sort();
}

/** A record's own mark wins; otherwise the first merged record's mark (by id) stands in for it. */
export function resolveAttendance<S>(
  marks: Readonly<Record<string, S>>,
  resolve: MergeResolver,
): Record<string, S> {
  const out: Record<string, S> = {};
  const keys = Object.keys(marks).sort() as MemberId[];
  for (const key of keys) if (resolve(key) === key) out[key] = marks[key] as S;
  for (const key of keys) {
    const root = resolve(key);
    if (root !== key && !(root in out)) out[root] = marks[key] as S;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
