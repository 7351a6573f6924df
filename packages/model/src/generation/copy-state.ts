import * as Y from 'yjs';
import { termRanges } from './redact-text';

// biome-ignore lint/suspicious/noExplicitAny: Yjs's types are invariant in their event type; any shared type is copied.
type AnyType = Y.AbstractType<any>;

/**
 * Writes a document's state into another, history-free, with named terms redacted on the way: the copy
 * never holds the redacted words, not even as deleted items (a minutes doc keeps deleted items, gc off).
 * Only what differs is written, so the same function builds a new document from nothing and then brings
 * it from one state (the approved one) to another (the current one) as ordinary edits.
 */

/** Keys whose string values are ids, times, keys or signatures: never redacted (a name is not one). */
const NOT_TEXT = new Set(['signature', 'tablet', 'snapshot', 'by', 'at', 'approvedAt', 'id', 'fromState']);

export interface Redactor {
  readonly terms: readonly string[];
  /** Replacements made so far; each text counted once per state it is written from. */
  count: number;
}

export const noRedaction = (): Redactor => ({ terms: [], count: 0 });

type Delta = Array<{ insert?: unknown; attributes?: Record<string, unknown> }>;
const EMBED = '\uFFFC';

/** A text's delta with the terms replaced; a name split by formatting ("Ng**uyễn**") is still found. */
function redactDelta(delta: Delta, redactor: Redactor, replacement: string): Delta {
  const flat = delta.map((op) => (typeof op.insert === 'string' ? op.insert : EMBED)).join('');
  const ranges = termRanges(flat, redactor.terms);
  if (ranges.length === 0) return delta;
  redactor.count += ranges.length;
  const out: Delta = [];
  let position = 0;
  let range = 0;
  for (const op of delta) {
    const attributes = op.attributes === undefined ? {} : { attributes: op.attributes };
    if (typeof op.insert !== 'string') {
      out.push(op);
      position += 1;
      continue;
    }
    let kept = '';
    for (let i = 0; i < op.insert.length; i++, position++) {
      const current = ranges[range];
      if (current !== undefined && position >= current[1]) range++;
      const at = ranges[range];
      if (at !== undefined && position === at[0]) {
        kept += replacement;
      } else if (at === undefined || position < at[0] || position >= at[1]) {
        kept += op.insert[i];
      }
    }
    if (kept !== '') out.push({ insert: kept, ...attributes });
  }
  return out;
}

function redactPlain(value: unknown, redactor: Redactor, replacement: string, key = ''): unknown {
  if (NOT_TEXT.has(key) || value instanceof Uint8Array) return value;
  if (typeof value === 'string') {
    const ranges = termRanges(value, redactor.terms);
    if (ranges.length === 0) return value;
    redactor.count += ranges.length;
    let out = '';
    let last = 0;
    for (const [start, end] of ranges) {
      out += value.slice(last, start) + replacement;
      last = end;
    }
    return out + value.slice(last);
  }
  if (Array.isArray(value)) return value.map((item) => redactPlain(item, redactor, replacement));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, item]) => [k, redactPlain(item, redactor, replacement, k)]),
    );
  }
  return value;
}

/** A plain value (a record about to be stored) with the terms redacted, as the copy redacts its own. */
export function redactValue(value: unknown, options: CopyOptions): unknown {
  return redactPlain(value, options.redactor, options.replacement);
}

export interface CopyOptions {
  readonly redactor: Redactor;
  readonly replacement: string;
}

/** A new, not yet integrated copy of a shared type (its content is written when it is inserted). */
function prelim(value: AnyType, options: CopyOptions): AnyType {
  if (value instanceof Y.XmlText) {
    const text = new Y.XmlText();
    text.applyDelta(redactDelta(value.toDelta() as Delta, options.redactor, options.replacement));
    return text;
  }
  if (value instanceof Y.Text) {
    const text = new Y.Text();
    text.applyDelta(redactDelta(value.toDelta() as Delta, options.redactor, options.replacement));
    return text;
  }
  if (value instanceof Y.XmlElement) {
    const element = new Y.XmlElement(value.nodeName);
    for (const [name, attribute] of Object.entries(value.getAttributes())) {
      element.setAttribute(name, redactPlain(attribute, options.redactor, options.replacement) as string);
    }
    element.insert(0, value.toArray().map((child) => prelim(child as AnyType, options)) as never);
    return element;
  }
  if (value instanceof Y.XmlFragment) {
    const fragment = new Y.XmlFragment();
    fragment.insert(0, value.toArray().map((child) => prelim(child as AnyType, options)) as never);
    return fragment;
  }
  if (value instanceof Y.Array) {
    return Y.Array.from(value.toArray().map((item) => copyValue(item, options)) as never[]);
  }
  if (value instanceof Y.Map) {
    const map = new Y.Map<unknown>();
    for (const [key, item] of value.entries()) map.set(key, copyValue(item, options, key));
    return map;
  }
  throw new Error(`copy-state: no copy for a ${value.constructor.name}`);
}

function copyValue(value: unknown, options: CopyOptions, key = ''): unknown {
  if (value instanceof Y.AbstractType) return prelim(value, options);
  return redactPlain(value, options.redactor, options.replacement, key);
}

/** What a value reads as once copied; two values that read the same need no write. */
function reading(value: unknown): string {
  if (value instanceof Y.XmlFragment || value instanceof Y.XmlElement) return `xml:${value.toString()}`;
  if (value instanceof Y.Text) return `text:${JSON.stringify(value.toDelta())}`;
  if (value instanceof Y.AbstractType) return `${value.constructor.name}:${JSON.stringify(value.toJSON())}`;
  if (value instanceof Uint8Array) return `bytes:${Array.from(value).join(',')}`;
  return `plain:${JSON.stringify(value)}`;
}

/** Brings `target` to read as `source` (redacted), writing only what differs. Call inside a transaction. */
export function writeMap(target: Y.Map<unknown>, source: Y.Map<unknown>, options: CopyOptions): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source.entries()) {
    const current = target.get(key);
    if (value instanceof Y.Map && current instanceof Y.Map) {
      writeMap(current, value, options);
      continue;
    }
    if (reading(current) !== readingOfCopy(value, options, key))
      target.set(key, copyValue(value, options, key));
  }
}

/** Brings a top-level array to the source's items (plain values: the agenda order, the reopenings). */
export function writeArray(target: Y.Array<unknown>, source: Y.Array<unknown>, options: CopyOptions): void {
  const wanted = source.toArray().map((item) => readingOfCopy(item, options));
  if (wanted.join('\n') === target.toArray().map(reading).join('\n')) return;
  target.delete(0, target.length);
  target.insert(
    0,
    source.toArray().map((item) => copyValue(item, options)),
  );
}

/**
 * What `value` reads as once copied (redacted). A prelim type reads empty until it is inserted, so the
 * copy is made in a throwaway doc, with a throwaway count: only the copy that is written counts.
 */
function readingOfCopy(value: unknown, options: CopyOptions, key = ''): string {
  const dry: CopyOptions = { ...options, redactor: { terms: options.redactor.terms, count: 0 } };
  const copy = copyValue(value, dry, key);
  if (!(copy instanceof Y.AbstractType)) return reading(copy);
  const holder = new Y.Doc().getMap<unknown>('scratch');
  holder.set('value', copy);
  return reading(holder.get('value'));
}
