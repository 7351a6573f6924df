import * as Y from 'yjs';
import { AGENDA_BODY_KEY, agendaItemsMap } from './minutes-layout';
import { readSeal } from './read-minutes';
import { docAtSnapshot } from './versions';
import { xmlFragmentToText } from './xml-text';

/**
 * The agenda bodies as a small block tree, so the printed minutes keep the paragraphs, headings, lists
 * and bold/italic/underline the secretary wrote. It reads the ProseMirror shape the editor's Yjs binding
 * writes (StarterKit node names; marks as XmlText format attributes) and nothing of ProseMirror itself.
 */

export interface RichText {
  readonly type: 'text';
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
}

/** A line break inside a paragraph (Shift+Enter). */
export interface RichBreak {
  readonly type: 'break';
}

export type RichInline = RichText | RichBreak;

export interface RichParagraph {
  readonly type: 'paragraph';
  readonly content: readonly RichInline[];
}

export interface RichHeading {
  readonly type: 'heading';
  /** 1–6 as the editor stored it; the editor offers 2 and 3. */
  readonly level: number;
  readonly content: readonly RichInline[];
}

export interface RichList {
  readonly type: 'list';
  readonly ordered: boolean;
  /** The first number of an ordered list (1 unless a pasted list started elsewhere). */
  readonly start: number;
  readonly items: readonly RichListItem[];
}

/** A list item holds blocks: its paragraphs and any nested list. */
export interface RichListItem {
  readonly blocks: readonly RichBlock[];
}

export type RichBlock = RichParagraph | RichHeading | RichList;

/** y-prosemirror names overlapping marks `<mark>--<hash>`; the mark is the part before the hash. */
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

function markName(attribute: string): string {
  return HASHED_MARK.exec(attribute)?.[1] ?? attribute;
}

function runsOf(text: Y.XmlText): RichText[] {
  const out: RichText[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    // A mark's value is its attrs ({} for bold); a removed mark is absent or null.
    const marks = new Set(
      Object.entries(op.attributes ?? {})
        .filter(([, value]) => value !== null && value !== undefined && value !== false)
        .map(([name]) => markName(name)),
    );
    out.push({
      type: 'text',
      text: op.insert,
      bold: marks.has('bold'),
      italic: marks.has('italic'),
      underline: marks.has('underline'),
    });
  }
  return out;
}

function inlinesOf(element: Y.XmlElement): RichInline[] {
  const out: RichInline[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) out.push(...runsOf(child));
    else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') out.push({ type: 'break' });
    else if (child instanceof Y.XmlElement) {
      // An inline node this projection does not know (an image, a mention): keep its words.
      const text = xmlFragmentToText(child);
      if (text !== '') out.push({ type: 'text', text, bold: false, italic: false, underline: false });
    }
  }
  return out;
}

/** Blank lines are spacing on screen, not content on paper. */
function hasText(content: readonly RichInline[]): boolean {
  return content.some((inline) => inline.type === 'text' && inline.text.trim() !== '');
}

function integerAttribute(element: Y.XmlElement, name: string): number | null {
  const raw: unknown = element.getAttribute(name);
  const value = typeof raw === 'string' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function listOf(element: Y.XmlElement): RichList | null {
  const items: RichListItem[] = [];
  for (const child of element.toArray()) {
    // A listItem holds blocks; anything else found directly in a list (a peer's odd shape) is one item.
    const blocks =
      child instanceof Y.XmlElement
        ? child.nodeName === 'listItem'
          ? blocksOf(child)
          : blockOf(child)
        : child instanceof Y.XmlText
          ? textBlocks(child)
          : [];
    if (blocks.length > 0) items.push({ blocks });
  }
  if (items.length === 0) return null;
  const ordered = element.nodeName === 'orderedList';
  const start = ordered ? integerAttribute(element, 'start') : null;
  return { type: 'list', ordered, start: start !== null && start >= 0 ? start : 1, items };
}

function plainParagraphs(text: string): RichParagraph[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: line, bold: false, italic: false, underline: false }],
    }));
}

function blockOf(element: Y.XmlElement): RichBlock[] {
  switch (element.nodeName) {
    case 'paragraph': {
      const content = inlinesOf(element);
      return hasText(content) ? [{ type: 'paragraph', content }] : [];
    }
    case 'heading': {
      const content = inlinesOf(element);
      const level = Math.min(6, Math.max(1, integerAttribute(element, 'level') ?? 2));
      return hasText(content) ? [{ type: 'heading', level, content }] : [];
    }
    case 'bulletList':
    case 'orderedList': {
      const list = listOf(element);
      return list === null ? [] : [list];
    }
    default:
      // A node this projection does not know (a quote, a code block, a newer build's node): its text,
      // one paragraph a line, so nothing written is lost on paper.
      return plainParagraphs(xmlFragmentToText(element));
  }
}

function blocksOf(parent: Y.XmlFragment | Y.XmlElement): RichBlock[] {
  const out: RichBlock[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) out.push(...blockOf(child));
    else if (child instanceof Y.XmlText) out.push(...textBlocks(child));
  }
  return out;
}

/** Text found where a block belongs (not what the editor writes, but a peer might): one paragraph. */
function textBlocks(text: Y.XmlText): RichParagraph[] {
  const content = runsOf(text);
  return hasText(content) ? [{ type: 'paragraph', content }] : [];
}

/** An agenda body (the editor's Y.XmlFragment) as blocks; an empty body gives []. */
export function xmlFragmentToBlocks(fragment: Y.XmlFragment): RichBlock[] {
  return blocksOf(fragment);
}

/** Every agenda item's body as blocks, by item id (removed items included: the caller filters). */
export function readAgendaBlocks(doc: Y.Doc): Readonly<Record<string, readonly RichBlock[]>> {
  const out: Record<string, readonly RichBlock[]> = {};
  agendaItemsMap(doc).forEach((record, id) => {
    const body = record instanceof Y.Map ? record.get(AGENDA_BODY_KEY) : null;
    if (body instanceof Y.XmlFragment) out[id] = xmlFragmentToBlocks(body);
  });
  return out;
}

/**
 * The bodies exactly as sealed by the approval (what prints, like `getApprovedView`), or null when the
 * minutes are not approved. Late edits merged into the live doc are not in them.
 */
export function getApprovedAgendaBlocks(doc: Y.Doc): Readonly<Record<string, readonly RichBlock[]>> | null {
  const seal = readSeal(doc);
  return seal === null ? null : readAgendaBlocks(docAtSnapshot(doc, seal.snapshot));
}
