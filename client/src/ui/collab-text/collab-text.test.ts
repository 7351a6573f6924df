import {
  type AgendaItemId,
  addAgendaItem,
  createMinutes,
  createMinutesDoc,
  localOrigin,
  openMinutesTextField,
  type TextChange,
} from '@chungtay/model';
import { afterEach, describe, expect, it } from 'vitest';
import { bindCollabText, type CollabTextSource, shiftPosition } from './collab-text';

/**
 * The box against a real minutes doc: "this tablet" types through its handle, "another writer" (a second
 * author on the same doc, as a merged remote update or an undo arrives) through its own.
 */
const me = localOrigin({ id: 'lan', name: 'Lan' });
const other = localOrigin({ id: 'hung', name: 'Hùng' });

function setup(decisions: string) {
  const doc = createMinutesDoc();
  const ok = createMinutes(doc, { clubId: 'club-dong-0001', meetingId: 'meeting-2026-03' } as never, me);
  if (!ok.ok) throw new Error('minutes not started');
  const added = addAgendaItem(doc, { title: 'Quỹ', decisions }, me);
  if (!added.ok) throw new Error('item not added');
  const target = { kind: 'agenda', itemId: added.value as AgendaItemId, field: 'decisions' } as const;
  const mine = openMinutesTextField(doc, target, me);
  const theirs = openMinutesTextField(doc, target, other);
  const sent: TextChange[] = [];
  theirs.subscribe((change) => sent.push(change));
  const source: CollabTextSource = {
    value: () => mine.value(),
    applyDelta: (index, deleteCount, insert) => {
      const result = mine.applyDelta(index, deleteCount, insert);
      return result.ok ? undefined : result.error.type;
    },
    subscribe: (listener) => mine.subscribe(listener),
  };
  const field = document.createElement('textarea');
  document.body.append(field);
  const errors: (string | undefined)[] = [];
  const unbind = bindCollabText(field, source, (message) => errors.push(message));
  return { field, mine, theirs, sent, errors, unbind };
}

/** Types as a browser does: the value changes, the caret stands after the new text, then `input`. */
function type(field: HTMLTextAreaElement, at: number, text: string, remove = 0): void {
  field.focus();
  field.value = field.value.slice(0, at) + text + field.value.slice(at + remove);
  field.setSelectionRange(at + text.length, at + text.length);
  field.dispatchEvent(new Event('input'));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('bindCollabText', () => {
  it('sends each keystroke as one insert or delete at the caret, never the whole text', () => {
    const { field, mine, sent } = setup('Giao chị Lan.');
    expect(field.value).toBe('Giao chị Lan.');
    type(field, 5, 'x');
    type(field, 5, '', 1);
    type(field, 13, ' Mua loa.');
    expect(mine.value()).toBe('Giao chị Lan. Mua loa.');
    expect(sent).toEqual([
      [{ retain: 5 }, { insert: 'x' }],
      [{ retain: 5 }, { delete: 1 }],
      [{ retain: 13 }, { insert: ' Mua loa.' }],
    ]);
  });

  it('shows another writer’s text as it arrives and keeps the caret by the text it was next to', () => {
    const { field, theirs } = setup('abc def');
    type(field, 7, '!');
    field.setSelectionRange(4, 4); // before "def"
    expect(theirs.applyDelta(0, 0, 'XY ').ok).toBe(true);
    expect(field.value).toBe('XY abc def!');
    expect(field.selectionStart).toBe(7);
    expect(theirs.applyDelta(9, 2, '').ok).toBe(true); // deletes "f!" after the caret
    expect(field.value).toBe('XY abc de');
    expect(field.selectionStart).toBe(7);
  });

  it('puts the box back and says why when an edit is refused', () => {
    const { field, mine, errors } = setup('ngắn');
    type(field, 4, 'x'.repeat(2100));
    expect(errors.at(-1)).toBe('invalid');
    expect(field.value).toBe('ngắn');
    expect(mine.value()).toBe('ngắn');
    type(field, 4, ' gọn');
    expect(errors.at(-1)).toBeUndefined();
    expect(mine.value()).toBe('ngắn gọn');
  });

  it('stops following the field once unbound', () => {
    const { field, theirs, unbind } = setup('abc');
    unbind();
    expect(theirs.applyDelta(0, 0, 'X').ok).toBe(true);
    expect(field.value).toBe('abc');
  });
});

describe('shiftPosition', () => {
  it.each([
    [3, [{ retain: 1 }, { insert: 'ab' }], 5],
    [3, [{ retain: 3 }, { insert: 'ab' }], 5],
    [3, [{ retain: 4 }, { insert: 'ab' }], 3],
    [3, [{ delete: 2 }], 1],
    [3, [{ retain: 1 }, { delete: 5 }], 1],
    [3, [{ retain: 3 }, { delete: 5 }], 3],
    [3, null, 3],
  ] as const)('%i after %j → %i', (position, change, expected) => {
    expect(shiftPosition(position, change as TextChange)).toBe(expected);
  });
});
