import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, carol, value } from '../../test/fixtures';
import {
  AT,
  expectMinutesConvergence,
  forkMinutes,
  HUNG,
  LAN,
  newMinutes,
} from '../../test/minutes-fixtures';
import { deliver, permutations } from '../../test/peers';
import { addAgendaItem, updateAgendaItem } from '../minutes/agenda-commands';
import { approveMinutes } from '../minutes/approval';
import { listChangesAfterApproval, setAsideLateChanges } from '../minutes/late-changes';
import { type AgendaItemId, agendaItemsMap, headerMap, minutesMeta } from '../minutes/minutes-layout';
import { migrateMinutes } from '../minutes/minutes-migrations';
import { openMinutesTextField } from '../minutes/minutes-text';
import { readMinutes } from '../minutes/read-minutes';
import type { LocalOrigin } from '../origin/origin';
import { diffText, ensureText } from './shared-text';

const OLD_DECISIONS = 'Giao chị Lan lập danh sách.';
const A_TYPES = ' Anh Hùng mua loa.';
const B_TYPES = ' Quỹ chi 500.000 đ.';

/** Types `text` at the end of the decisions box, one character at a time, as a tablet's text box does. */
function typeDecisions(doc: Y.Doc, itemId: AgendaItemId, text: string, origin: LocalOrigin): void {
  const handle = openMinutesTextField(doc, { kind: 'agenda', itemId, field: 'decisions' }, origin);
  for (const char of text) value(handle.applyDelta(handle.value().length, 0, char));
}

function decisionsOf(doc: Y.Doc, itemId: AgendaItemId): string {
  return readMinutes(doc).agenda.find((item) => item.id === itemId)?.decisions ?? '';
}

/** Every non-empty subset order: each peer gets the others' updates one by one in every order. */
function exchangeEveryOrder(docs: readonly Y.Doc[]): Y.Doc[] {
  const out: Y.Doc[] = [];
  docs.forEach((doc, i) => {
    for (const order of permutations(docs.filter((_, j) => j !== i))) {
      const [replica] = forkMinutes(doc, 1) as [Y.Doc];
      for (const other of order) deliver(other, replica);
      out.push(replica);
    }
  });
  return out;
}

/**
 * Minutes as a build before shared text wrote them: version 1, the decisions a plain string. Written
 * with the keys directly (an old peer's write), since this build's commands write Y.Text.
 */
function versionOneMinutes(): { doc: Y.Doc; itemId: AgendaItemId } {
  const doc = newMinutes();
  const itemId = value(addAgendaItem(doc, { title: 'Quỹ hoạt động' }, alice));
  doc.transact(
    () => {
      const record = agendaItemsMap(doc).get(itemId) as Y.Map<unknown>;
      record.set('title', 'Quỹ hoạt động');
      record.set('decisions', OLD_DECISIONS);
      headerMap(doc).set('place', 'Nhà văn hóa thôn Đông');
      minutesMeta(doc).set('schemaVersion', 1);
    },
    { type: 'remote', source: 'old-build' },
  );
  return { doc, itemId };
}

describe('the decisions box', () => {
  it('keeps both sentences when an offline and an online tablet type into it, in every order', () => {
    const doc = newMinutes();
    const itemId = value(addAgendaItem(doc, { title: 'Quỹ hoạt động', decisions: OLD_DECISIONS }, alice));
    const [a, b] = forkMinutes(doc, 2) as [Y.Doc, Y.Doc];
    typeDecisions(a, itemId, A_TYPES, alice);
    typeDecisions(b, itemId, B_TYPES, bob);
    for (const replica of exchangeEveryOrder([a, b])) {
      const text = decisionsOf(replica, itemId);
      expect(text.startsWith(OLD_DECISIONS)).toBe(true);
      expect(text).toContain(A_TYPES);
      expect(text).toContain(B_TYPES);
      expect(text).toHaveLength(OLD_DECISIONS.length + A_TYPES.length + B_TYPES.length);
    }
    expectMinutesConvergence([a, b]);
  });

  it('keeps three writers’ sentences, and a whole-value commit merges as an edit, not a replacement', () => {
    const doc = newMinutes();
    const itemId = value(addAgendaItem(doc, { title: 'Quỹ', decisions: OLD_DECISIONS }, alice));
    const [a, b, c] = forkMinutes(doc, 3) as [Y.Doc, Y.Doc, Y.Doc];
    typeDecisions(a, itemId, A_TYPES, alice);
    typeDecisions(b, itemId, B_TYPES, bob);
    // A form that commits the whole field at once (an older screen) still only adds its sentence.
    value(updateAgendaItem(c, itemId, { decisions: `Mở đầu. ${OLD_DECISIONS}` }, carol));
    const view = expectMinutesConvergence([a, b, c]);
    const text = view.agenda[0]?.decisions ?? '';
    for (const part of ['Mở đầu. ', OLD_DECISIONS, A_TYPES, B_TYPES]) expect(text).toContain(part);
    expect(text).toHaveLength(`Mở đầu. ${OLD_DECISIONS}`.length + A_TYPES.length + B_TYPES.length);
  });
});

describe('migrating plain strings to shared text', () => {
  it('never doubles the old text when two or three tablets migrate it offline, in every order', () => {
    for (const count of [2, 3]) {
      const { doc, itemId } = versionOneMinutes();
      const tablets = forkMinutes(doc, count);
      const typed = [A_TYPES, B_TYPES, ' Chị Mai báo cáo.'].slice(0, count);
      tablets.forEach((tablet, i) => {
        expect(value(migrateMinutes(tablet)).applied).toEqual(['minutes-0002-shared-text']);
        typeDecisions(tablet, itemId, typed[i] ?? '', [alice, bob, carol][i] ?? alice);
      });
      const view = expectMinutesConvergence(tablets);
      const text = view.agenda[0]?.decisions ?? '';
      expect(text.split(OLD_DECISIONS)).toHaveLength(2);
      for (const part of typed) expect(text).toContain(part);
      expect(text).toHaveLength(OLD_DECISIONS.length + typed.join('').length);
      expect(view.header.place).toBe('Nhà văn hóa thôn Đông');
      expect(view.agenda[0]?.title).toBe('Quỹ hoạt động');
    }
  });

  it('writes the same items on every tablet, so a migrated tablet applies another’s migration as nothing new', () => {
    const { doc } = versionOneMinutes();
    const [a, b] = forkMinutes(doc, 2) as [Y.Doc, Y.Doc];
    value(migrateMinutes(a));
    value(migrateMinutes(b));
    // The conversions are the same structs under the same ids: only the version stamps differ.
    const fromA = Y.decodeUpdate(Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    const derived = fromA.structs.filter((s) => s.id.client >= 2 ** 32);
    expect(derived).toEqual([]);
    const derivedClocks = (d: Y.Doc) =>
      [...Y.decodeStateVector(Y.encodeStateVector(d))].filter(([client]) => client >= 2 ** 32).sort();
    expect(derivedClocks(a)).toEqual(derivedClocks(b));
    // The place prefilled when the minutes started, then title, decisions and the old build's place.
    expect(derivedClocks(a)).toHaveLength(4);
  });

  it('converts a plain string on the first keystroke without doubling it on two tablets', () => {
    const { doc, itemId } = versionOneMinutes();
    // A tablet that reads the field as a plain string (migrated elsewhere later) converts it as it types.
    const [a, b] = forkMinutes(doc, 2) as [Y.Doc, Y.Doc];
    typeDecisions(a, itemId, A_TYPES, alice);
    typeDecisions(b, itemId, B_TYPES, bob);
    const text = expectMinutesConvergence([a, b]).agenda[0]?.decisions ?? '';
    expect(text.split(OLD_DECISIONS)).toHaveLength(2);
    expect(text).toHaveLength(OLD_DECISIONS.length + A_TYPES.length + B_TYPES.length);
  });

  it('starts the same prefilled place once when two tablets start the minutes offline', () => {
    const [a, b] = [newMinutes(), newMinutes()];
    const place = openMinutesTextField(b, { kind: 'header', field: 'place' }, bob);
    value(place.applyDelta(0, 0, 'Hội trường, '));
    const view = expectMinutesConvergence([a, b]);
    expect(view.header.place).toBe('Hội trường, Nhà văn hóa thôn Đông');
  });

  it('keeps a conversion idempotent: converting a Y.Text again returns it unchanged', () => {
    const { doc, itemId } = versionOneMinutes();
    const record = agendaItemsMap(doc).get(itemId) as Y.Map<unknown>;
    const first = doc.transact(() => ensureText(record, 'decisions', 'x'));
    const before = Y.encodeStateVector(doc);
    expect(doc.transact(() => ensureText(record, 'decisions', 'x'))).toBe(first);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('the text field handle', () => {
  it('tells a box of other writers’ changes as ops, and not of its own typing', () => {
    const doc = newMinutes();
    const itemId = value(addAgendaItem(doc, { title: 'Quỹ', decisions: 'abc' }, alice));
    const [remote] = forkMinutes(doc, 1) as [Y.Doc];
    const handle = openMinutesTextField(doc, { kind: 'agenda', itemId, field: 'decisions' }, alice);
    const seen: unknown[] = [];
    const stop = handle.subscribe((change) => seen.push(change));
    value(handle.applyDelta(3, 0, 'd'));
    expect(seen).toEqual([]);
    typeDecisions(remote, itemId, 'X', bob);
    deliver(remote, doc);
    // Both writers typed at the end: the merge puts X on one side of d, the same on every tablet.
    expect(['abcXd', 'abcdX']).toContain(handle.value());
    expect(seen).toEqual([[{ retain: handle.value().indexOf('X') }, { insert: 'X' }]]);
    stop();
    typeDecisions(remote, itemId, 'Y', bob);
    deliver(remote, doc);
    expect(seen).toHaveLength(1);
  });

  it('refuses an edit past the length limit and writes nothing', () => {
    const doc = newMinutes();
    const itemId = value(addAgendaItem(doc, { title: 'Quỹ' }, alice));
    const handle = openMinutesTextField(doc, { kind: 'agenda', itemId, field: 'title' }, alice);
    const before = Y.encodeStateVector(doc);
    expect(handle.applyDelta(0, 0, 'x'.repeat(500))).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { title: 'tooLong' } },
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('late typing after the approval', () => {
  it('is listed, and setting it aside writes the approved text back into the same shared text', () => {
    const doc = newMinutes();
    const itemId = value(addAgendaItem(doc, { title: 'Quỹ', decisions: OLD_DECISIONS }, alice));
    const [late] = forkMinutes(doc, 1) as [Y.Doc];
    value(approveMinutes(doc, { role: 'secretary', by: HUNG, at: AT }, bob));
    value(approveMinutes(doc, { role: 'chair', by: LAN, at: AT }, alice));
    typeDecisions(late, itemId, A_TYPES, carol);
    deliver(late, doc);
    expect(listChangesAfterApproval(doc).map((c) => c.fields)).toEqual([['decisions']]);
    const before = (agendaItemsMap(doc).get(itemId) as Y.Map<unknown>).get('decisions');
    value(setAsideLateChanges(doc, alice));
    expect(decisionsOf(doc, itemId)).toBe(OLD_DECISIONS);
    // The same Y.Text, not a string put in its place: typing after a reopening still merges.
    expect((agendaItemsMap(doc).get(itemId) as Y.Map<unknown>).get('decisions')).toBe(before);
    expect(listChangesAfterApproval(doc)).toEqual([]);
  });
});

describe('a field still holding an old plain string', () => {
  it('refuses a keystroke past the limit as too long and converts nothing for it', () => {
    const { doc, itemId } = versionOneMinutes();
    const handle = openMinutesTextField(doc, { kind: 'agenda', itemId, field: 'decisions' }, alice);
    const before = Y.encodeStateVector(doc);
    expect(handle.applyDelta(0, 0, 'x'.repeat(5000))).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { decisions: 'tooLong' } },
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(handle.value()).toBe(OLD_DECISIONS);
  });
});

describe('diffText', () => {
  it.each([
    ['abc', 'abXc', 3, { index: 2, deleteCount: 0, insert: 'X' }],
    ['aa', 'aaa', 1, { index: 0, deleteCount: 0, insert: 'a' }],
    ['aa', 'aaa', 3, { index: 2, deleteCount: 0, insert: 'a' }],
    ['abcd', 'ad', 1, { index: 1, deleteCount: 2, insert: '' }],
    ['Lan', 'Lân', 2, { index: 1, deleteCount: 1, insert: 'â' }],
    ['', 'xin chào', 8, { index: 0, deleteCount: 0, insert: 'xin chào' }],
  ])('%s → %s (caret %i)', (before, after, caret, edit) => {
    expect(diffText(before, after, caret)).toEqual(edit);
  });
});
