import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { updateSettings } from '../src/club/club-commands';
import { readClub } from '../src/club/read-club';
import { createAuthorUndoManager, localOrigin } from '../src/origin/origin';
import { addMember, updateMember } from '../src/roster/member-commands';
import { getMember } from '../src/roster/member-queries';
import { addPerson, alice, bob, memberInput, newClub, TODAY, value } from './fixtures';
import { deliver, forkPeers } from './peers';

describe('createAuthorUndoManager', () => {
  it("undoes only its own author's edits, never a remote peer's", () => {
    const { doc } = newClub();
    const lan = addPerson(doc);
    const [mine, theirs] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    const undo = createAuthorUndoManager(mine, alice);
    value(updateMember(mine, lan, { phone: '0987654321' }, alice, TODAY));
    value(updateMember(theirs, lan, { notes: 'Ghi chú của Hùng' }, bob, TODAY));
    deliver(theirs, mine);
    undo.undo();
    expect(getMember(readClub(mine), lan)).toMatchObject({
      phone: '0912 345 678',
      notes: 'Ghi chú của Hùng',
    });
    undo.redo();
    expect(getMember(readClub(mine), lan)?.phone).toBe('0987654321');
  });

  it('tracks the origin object by identity, so another session of the same person is not undone', () => {
    const { doc } = newClub();
    const undo = createAuthorUndoManager(doc, alice);
    const otherSession = localOrigin({ id: 'alice', name: 'Lan' });
    value(updateSettings(doc, { olderAge: 55 }, otherSession));
    expect(undo.canUndo()).toBe(false);
    value(updateSettings(doc, { olderAge: 58 }, alice));
    undo.undo();
    expect(readClub(doc).settings.olderAge).toBe(55);
  });

  it('undoes a whole command, nested maps included, as one step', () => {
    const { doc } = newClub();
    const undo = createAuthorUndoManager(doc, alice);
    const id = value(addMember(doc, memberInput(), alice, TODAY));
    expect(readClub(doc).members).toHaveLength(1);
    undo.undo();
    expect(getMember(readClub(doc), id)).toBeUndefined();
    undo.redo();
    expect(readClub(doc).members).toHaveLength(1);
  });
});
