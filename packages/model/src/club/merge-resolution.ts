import type { MemberId } from '../ids/ids';
import type { Group, Meeting, Member } from '../schema/types';
import type { MeetingRecordView } from './club-records';

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

/** A member as shown: `mergedInto` names the record it finally ended in, or null for a survivor. */
export function resolveMember(m: Member, resolve: MergeResolver): Member {
  const root = resolve(m.id);
  const mergedInto = root === m.id ? null : root;
  return mergedInto === m.mergedInto ? m : { ...m, mergedInto };
}

export function resolveMembers(members: readonly Member[], resolve: MergeResolver): Member[] {
  return members.map((m) => resolveMember(m, resolve));
}

export function resolveGroup(g: Group, resolve: MergeResolver): Group {
  return {
    ...g,
    leaderId: g.leaderId === null ? null : resolve(g.leaderId),
    memberIds: resolveIds(g.memberIds, resolve),
  };
}

export function resolveMeetingFields(
  fields: MeetingRecordView['fields'],
  resolve: MergeResolver,
): MeetingRecordView['fields'] {
  return {
    ...fields,
    chairId: fields.chairId === null ? null : resolve(fields.chairId),
    secretaryId: fields.secretaryId === null ? null : resolve(fields.secretaryId),
  };
}

export function resolveMeeting(record: MeetingRecordView, resolve: MergeResolver): Meeting {
  return {
    ...resolveMeetingFields(record.fields, resolve),
    attendance: resolveAttendance(record.marks, resolve),
  };
}

export function resolveIds(ids: readonly MemberId[], resolve: MergeResolver): MemberId[] {
  return [...new Set(ids.map(resolve))].sort();
}

/** The resolver, and for each surviving record the records merged into it (sorted by id). */
export interface Merges {
  readonly resolve: MergeResolver;
  mergedFrom(root: MemberId): readonly MemberId[];
}

export function createMerges(members: readonly Member[]): Merges {
  const resolve = createMergeResolver(members);
  const from = new Map<MemberId, MemberId[]>();
  for (const m of [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const root = resolve(m.id);
    if (root === m.id) continue;
    const list = from.get(root);
    if (list === undefined) from.set(root, [m.id]);
    else list.push(m.id);
  }
  return { resolve, mergedFrom: (root) => from.get(root) ?? [] };
}

/**
 * The mark a surviving record shows: its own, otherwise the first merged record's mark (by id). The one
 * rule both the full read and the follower apply, the follower for a single root at a time.
 */
export function markFor<S>(
  root: MemberId,
  markOf: (id: string) => S | undefined,
  mergedFrom: readonly MemberId[],
): S | undefined {
  const own = markOf(root);
  if (own !== undefined) return own;
  for (const id of mergedFrom) {
    const mark = markOf(id);
    if (mark !== undefined) return mark;
  }
  return undefined;
}

/** Every mark moved onto the record it ended in, keys sorted. */
export function resolveAttendance<S>(
  marks: Readonly<Record<string, S>> | ReadonlyMap<string, S>,
  resolve: MergeResolver,
): Record<string, S> {
  const byKey: ReadonlyMap<string, S> = marks instanceof Map ? marks : new Map(Object.entries(marks));
  const markOf = (id: string) => byKey.get(id);
  const keys = [...byKey.keys()].sort() as MemberId[];
  // Almost always no marked record was merged away: every key is its own root, and the marks are copied
  // as they are (the same result as the grouping below, at a tenth of the cost over ~4,000 marks on open).
  if (keys.every((key) => resolve(key) === key)) {
    const own: Record<string, S> = {};
    for (const key of keys) {
      const mark = byKey.get(key);
      if (mark !== undefined) own[key] = mark;
    }
    return own;
  }
  // Merged keys that carry a mark, grouped by the record they ended in (already in id order).
  const from = new Map<MemberId, MemberId[]>();
  for (const key of keys) {
    const root = resolve(key);
    const list = from.get(root) ?? [];
    if (root !== key) list.push(key);
    from.set(root, list);
  }
  const out: Record<string, S> = {};
  for (const root of [...from.keys()].sort()) {
    const mark = markFor(root, markOf, from.get(root) ?? []);
    if (mark !== undefined) out[root] = mark;
  }
  return out;
}
