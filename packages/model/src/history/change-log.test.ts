import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, bob, newClub, TODAY, value } from '../../test/fixtures';
import { deliver } from '../../test/peers';
import { erasePersonalData, updateMember } from '../roster/member-commands';
import { listMemberChanges } from './change-log';

function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('change log', () => {
  it('records who changed which field and when, never the value, and nothing for an unchanged value', () => {
    const { doc } = newClub();
    const lan = addPerson(doc);
    value(updateMember(doc, lan, { phone: '0912345678' }, alice, TODAY, '2026-12-03T10:02:00.000Z'));
    value(updateMember(doc, lan, { phone: '0912345678' }, bob, TODAY, '2026-12-03T10:03:00.000Z'));
    const changes = listMemberChanges(doc, lan);
    expect(changes.map(({ id: _id, ...rest }) => rest)).toContainEqual({
      field: 'phone',
      by: 'alice',
      name: 'Lan',
      at: '2026-12-03T10:02:00.000Z',
    });
    expect(changes.filter((c) => c.by === 'bob')).toEqual([]);
    expect(JSON.stringify(changes)).not.toContain('0912345678');
    expect(listMemberChanges(doc, 'no-such-member-000')).toEqual([]);
  });

  it('keeps both tablets’ changes made while apart, listed in one order on both, whichever arrives first', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const { doc: a } = newClub();
      const lan = addPerson(a);
      const b = fork(a);
      value(updateMember(a, lan, { phone: '0912345678' }, alice, TODAY, '2026-12-03T10:02:00.000Z'));
      value(updateMember(b, lan, { birthYear: 1957 }, bob, TODAY, '2026-12-03T10:05:00.000Z'));
      if (order === 'a-first') {
        deliver(a, b);
        deliver(b, a);
      } else {
        deliver(b, a);
        deliver(a, b);
      }
      const onA = listMemberChanges(a, lan);
      expect(onA).toEqual(listMemberChanges(b, lan));
      expect(onA.slice(0, 2).map((c) => [c.name, c.field])).toEqual([
        ['Hùng', 'birthYear'],
        ['Lan', 'phone'],
      ]);
    }
  });

  it('holds no personal data an erasure must remove: only who, when and which field', () => {
    const { doc } = newClub();
    const lan = addPerson(doc, { phone: '0912345678' });
    value(updateMember(doc, lan, { phone: '0987654321' }, alice, TODAY, '2026-12-03T10:02:00.000Z'));
    value(erasePersonalData(doc, lan, alice, TODAY));
    const text = JSON.stringify(listMemberChanges(doc, lan));
    expect(text).not.toContain('0987654321');
    expect(text).not.toContain('0912345678');
  });
});
