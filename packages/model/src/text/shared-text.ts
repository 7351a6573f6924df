import * as Y from 'yjs';

/**
 * Free-text fields people write together (an agenda item's title and decisions, an action's text, a
 * meeting's place, a member's notes) are Y.Text, so two tablets typing into one field keep both writers'
 * characters. Fields written before that are plain strings; this file turns them into Y.Text.
 *
 * Why the conversion is deterministic: two offline tablets that both convert the same string would each
 * create their own Y.Text under one key; Yjs keeps one by client id and drops the other along with what
 * was typed into it, which is exactly the loss this layout is meant to end. So the conversion is written
 * as a client whose id is derived from what it converts (the item that holds the old string): every
 * tablet that converts that value writes the very same items, with the same ids, and Yjs applies them
 * once. Ids are taken from 2^32 up, above the random 32-bit ids Yjs gives tablets, so they never meet a
 * real writer; Yjs, lib0 and the relay's clock handling all read ids up to 2^53.
 */

/** A text field's value whatever it holds: a Y.Text, a plain string from before, or nothing. */
export function readTextValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Y.Text) return value.toString();
  return undefined;
}

const FIRST_DERIVED_CLIENT = 2 ** 32;
const DERIVED_RANGE = Number.MAX_SAFE_INTEGER - FIRST_DERIVED_CLIENT;

/** A 53-bit string hash (two 32-bit multiplicative lanes, as cyrb53), for ids that must be equal everywhere. */
function hash53(input: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The client id the conversion of `record[key]` writes as. It names the item now holding the key (its
 * id says which write the tablet saw, and so which string it converts); a key never set is named by the
 * record's own item or, for a top-level map, by `scope`, and by the text it starts with.
 */
export function conversionClient(record: Y.Map<unknown>, key: string, scope: string, base: string): number {
  const current = record._map.get(key);
  const parent = record._item;
  const basis = current
    ? `item:${current.id.client}:${current.id.clock}`
    : parent
      ? `parent:${parent.id.client}:${parent.id.clock}`
      : `root:${scope}`;
  return FIRST_DERIVED_CLIENT + (hash53(`text\u0000${key}\u0000${basis}\u0000${base}`) % DERIVED_RANGE);
}

/**
 * Turns `record[key]` into a Y.Text holding the same text and returns it (or the Y.Text already there).
 * A key holding no text gets `initial`, written the same deterministic way, so two tablets that fill one
 * new field with the same prefill (two tablets starting the same minutes offline) write it once.
 * Must run inside a transaction. A record not yet in a doc (being built) gets a plain new Y.Text.
 */
export function ensureText(record: Y.Map<unknown>, key: string, scope: string, initial = ''): Y.Text {
  const value = record.get(key);
  if (value instanceof Y.Text) return value;
  const base = typeof value === 'string' ? value : initial;
  const doc = record.doc;
  const plain = () => {
    const text = new Y.Text(base);
    record.set(key, text);
    return text;
  };
  if (doc === null) return plain();
  const derived = conversionClient(record, key, scope, base);
  // An id already used here means a hash collision with another conversion: write as this tablet instead,
  // which can only ever lose a concurrent conversion's typing, never mix two different writes under one id.
  if (doc.store.clients.has(derived)) return plain();
  const own = doc.clientID;
  doc.clientID = derived;
  try {
    return plain();
  } finally {
    doc.clientID = own;
  }
}

export interface TextEdit {
  readonly index: number;
  readonly deleteCount: number;
  readonly insert: string;
}

/**
 * The smallest single edit turning `before` into `after`. `caret`, where the caret stands in `after`
 * when the edit was typed, settles ambiguous cases ("aa" → "aaa": the new "a" is where the caret is).
 */
export function diffText(before: string, after: string, caret?: number): TextEdit {
  const maxSuffix = Math.min(
    before.length,
    after.length,
    caret === undefined ? after.length : after.length - caret,
  );
  let suffix = 0;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  const maxPrefix = Math.min(before.length - suffix, after.length - suffix);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  return {
    index: prefix,
    deleteCount: before.length - suffix - prefix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** Applies one edit; `index` and `deleteCount` are clamped to the text, as a late edit may find it shorter. */
export function applyTextEdit(text: Y.Text, edit: TextEdit): void {
  const index = Math.max(0, Math.min(edit.index, text.length));
  const deleteCount = Math.max(0, Math.min(edit.deleteCount, text.length - index));
  if (deleteCount > 0) text.delete(index, deleteCount);
  if (edit.insert.length > 0) text.insert(index, edit.insert);
}

/**
 * Writes a whole new value into a text field as the smallest edit, so a form that commits its field at
 * once still merges with a concurrent writer's characters instead of replacing them. A field holding no
 * text yet is created with `next` deterministically (see ensureText). Inside a transaction.
 */
export function writeTextValue(record: Y.Map<unknown>, key: string, scope: string, next: string): void {
  if (record.doc === null) {
    record.set(key, new Y.Text(next));
    return;
  }
  const current = record.get(key);
  // Unchanged: nothing written, not even the conversion of an old string.
  if (readTextValue(current) === next) return;
  if (!(current instanceof Y.Text) && typeof current !== 'string') {
    ensureText(record, key, scope, next);
    return;
  }
  const text = ensureText(record, key, scope);
  const before = text.toString();
  if (before !== next) applyTextEdit(text, diffText(before, next));
}
