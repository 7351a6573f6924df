import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, bob, newClub, value } from '../../test/fixtures';
import { isPinRequired, setPinRequired } from './tablet-policy';

describe('the club requires a PIN', () => {
  it('is off until a committee member turns it on, and a member outside the committee cannot', () => {
    const { doc } = newClub();
    const chair = addPerson(doc, { fullName: 'Nguyễn Thị Lan', role: 'chair' });
    const member = addPerson(doc, { fullName: 'Lê Văn Cường', role: 'none' });
    expect(isPinRequired(doc)).toBe(false);
    const before = Y.encodeStateVector(doc);
    expect(setPinRequired(doc, { required: true, by: member }, alice)).toEqual({
      ok: false,
      error: { type: 'notCommittee' },
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    value(setPinRequired(doc, { required: true, by: chair }, alice));
    expect(isPinRequired(doc)).toBe(true);
  });

  it('reaches every tablet, and two tablets deciding at once settle on one answer everywhere', () => {
    const { doc: a } = newClub();
    const chair = addPerson(a, { fullName: 'Nguyễn Thị Lan', role: 'chair' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    value(setPinRequired(a, { required: true, by: chair }, alice));
    value(setPinRequired(b, { required: false, by: chair }, bob));
    // b had nothing to change: only a's decision travels, in either order.
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect([isPinRequired(a), isPinRequired(b)]).toEqual([true, true]);
    value(setPinRequired(b, { required: false, by: chair }, bob));
    value(setPinRequired(a, { required: true, by: chair }, alice));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(isPinRequired(a)).toBe(isPinRequired(b));
  });
});
