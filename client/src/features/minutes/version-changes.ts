import type { MinutesContent } from '@chungtay/model';

/** One difference between a saved version and the minutes now, in words ready to show. */
export interface VersionChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** How values read on screen: the caller's catalogue, names and formats. */
export interface ChangeWords {
  readonly label: (
    key:
      | 'date'
      | 'startedAt'
      | 'closedAt'
      | 'place'
      | 'chair'
      | 'secretary'
      | 'number'
      | 'recipients'
      | 'decisions'
      | 'what'
      | 'responsible'
      | 'due'
      | 'done'
      | 'amount'
      | 'note'
      | 'moneyKind',
  ) => string;
  readonly name: (id: string | null) => string;
  readonly date: (iso: string | null) => string;
  readonly money: (amount: number) => string;
  readonly status: (status: string | undefined) => string;
  readonly kind: (kind: string) => string;
  readonly yesNo: (value: boolean) => string;
}

type Pair = readonly [label: string, before: string, after: string];

/** Records matched by id: fields side by side, '' for the side where the record does not exist. */
function byId<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  fields: (record: T | undefined) => readonly (readonly [string, string])[],
  title: (record: T) => string,
): Pair[] {
  const ids = [...new Set([...before.map((r) => r.id), ...after.map((r) => r.id)])];
  return ids.flatMap((id) => {
    const old = before.find((r) => r.id === id);
    const now = after.find((r) => r.id === id);
    const heading = title((now ?? old) as T);
    const oldFields = fields(old);
    return fields(now).map(
      ([label, value], i): Pair => [`${heading} · ${label}`, oldFields[i]?.[1] ?? '', value],
    );
  });
}

/**
 * What differs between a saved version and the minutes now, beyond the agenda bodies (which the compare
 * view shows item by item): the header, attendance, each item's decisions, the action items and the money.
 */
export function listVersionChanges(
  before: MinutesContent,
  after: MinutesContent,
  words: ChangeWords,
): VersionChange[] {
  const w = words;
  const header = (c: MinutesContent) =>
    [
      [w.label('date'), w.date(c.header.date)],
      [w.label('startedAt'), c.header.startedAt],
      [w.label('closedAt'), c.header.closedAt],
      [w.label('place'), c.header.place],
      [w.label('chair'), w.name(c.header.chairId)],
      [w.label('secretary'), w.name(c.header.secretaryId)],
      [w.label('number'), c.header.number],
      [w.label('recipients'), c.header.recipients],
    ] as const;
  const oldHeader = header(before);
  const pairs: Pair[] = header(after).map(([label, value], i) => [label, oldHeader[i]?.[1] ?? '', value]);
  const members = [...new Set([...Object.keys(before.attendance), ...Object.keys(after.attendance)])];
  for (const id of members) {
    pairs.push([w.name(id), w.status(before.attendance[id]), w.status(after.attendance[id])]);
  }
  pairs.push(
    ...byId(
      before.agenda,
      after.agenda,
      (item) => [[w.label('decisions'), item?.decisions ?? '']],
      (item) => item.title,
    ),
    ...byId(
      before.actions,
      after.actions,
      (a) => [
        [w.label('what'), a?.what ?? ''],
        [w.label('responsible'), a ? w.name(a.responsibleId) : ''],
        [w.label('due'), a ? w.date(a.due) : ''],
        [w.label('done'), a ? w.yesNo(a.done) : ''],
      ],
      (a) => a.what,
    ),
    ...byId(
      before.money,
      after.money,
      (m) => [
        [w.label('moneyKind'), m ? w.kind(m.kind) : ''],
        [w.label('amount'), m ? w.money(m.amount) : ''],
        [w.label('note'), m?.note ?? ''],
      ],
      (m) => `${w.kind(m.kind)} ${w.name(m.memberId)}`.trim(),
    ),
  );
  return pairs
    .filter(([, old, now]) => old !== now)
    .map(([label, old, now]) => ({ label, before: old, after: now }));
}
