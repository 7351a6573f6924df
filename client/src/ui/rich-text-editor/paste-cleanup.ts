/**
 * What arrives on the clipboard, made into the structure the minutes editor keeps: paragraphs, headings,
 * lists and bold/italic/underline. Secretaries paste from Microsoft Word and from chat apps (Zalo,
 * Messenger); both carry structure the editor's own parser misses. Pure string → string functions (the
 * browser's DOMParser does the HTML parsing), wired into Tiptap by `rich-text-kit.ts`.
 */

/** Elements dropped with their content: Word's style sheets and metadata, and `<o:p>` (an empty line). */
const DROPPED_TAGS = new Set(['style', 'script', 'meta', 'link', 'title', 'xml', 'head', 'o:p']);

/** `mso-list:l0 level2 lfo1` on a Word list paragraph: which list and how deep. */
const MSO_LIST = /mso-list:\s*l(\d+)\s+level(\d+)/i;
const MSO_IGNORE = /mso-list:\s*ignore/i;
/** Word's marker for a numbered item: "1.", "a)", "iv.". Bullets are "·", "o", "§" (symbol fonts). */
const ORDERED_MARKER = /^(\d+|[a-z]|[ivxlcdm]+)[.)]$/i;

/**
 * Cleans HTML pasted from Word (and anything else that is not the editor's own): Word's list paragraphs
 * become real nested lists; its comments (conditional blocks such as `<![if !supportLists]>`, fragment
 * marks), `<o:p>`, style sheets and blank lines go; no-break spaces become spaces; headings map to the
 * editor's two levels. Bold and italic (`<b>`, `<i>`, styles) are left to the editor's parser, which reads
 * them.
 */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Copied from a ProseMirror editor (another agenda item): already the editor's own structure.
  if (doc.querySelector('[data-pm-slice]') !== null) return html;
  const body = doc.body;
  removeJunk(body);
  buildWordLists(body);
  for (const heading of [...body.querySelectorAll('h1, h4, h5, h6')]) {
    // The editor keeps levels 2 and 3 only: an h1 is the item's main heading, deeper ones its sub-heading.
    rename(heading, heading.tagName === 'H1' ? 'h2' : 'h3');
  }
  for (const paragraph of [...body.querySelectorAll('p')]) {
    // Word writes a blank line as an empty paragraph; the print spaces paragraphs itself.
    if (isBlank(paragraph)) paragraph.remove();
  }
  return body.innerHTML;
}

function removeJunk(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(
    root,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_TEXT,
  );
  const dropped: Node[] = [];
  const unwrapped: Element[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeType === Node.COMMENT_NODE) dropped.push(node);
    else if (node.nodeType === Node.TEXT_NODE)
      node.nodeValue = (node.nodeValue ?? '').replace(/\u00a0/g, ' ');
    else if (node instanceof Element) {
      const tag = node.tagName.toLowerCase();
      if (DROPPED_TAGS.has(tag)) dropped.push(node);
      // Office namespaces (<v:shape>, <w:sdt>, …): keep what they hold, drop the wrapper.
      else if (tag.includes(':')) unwrapped.push(node);
    }
  }
  for (const node of dropped) node.parentNode?.removeChild(node);
  for (const element of unwrapped) element.replaceWith(...element.childNodes);
}

interface WordItem {
  readonly paragraph: HTMLElement;
  readonly list: string;
  readonly level: number;
  readonly ordered: boolean;
  readonly start: number | null;
}

/** Reads a Word list paragraph and removes its typed marker ("·", "1." with the tab spaces after it). */
function wordItem(paragraph: HTMLElement): WordItem | null {
  const match = MSO_LIST.exec(paragraph.getAttribute('style') ?? '');
  if (match === null) return null;
  let marker = '';
  for (const span of [...paragraph.querySelectorAll('span')]) {
    if (!MSO_IGNORE.test(span.getAttribute('style') ?? '') || !span.isConnected) continue;
    marker ||= (span.textContent ?? '').replace(/\s+/g, '');
    span.remove();
  }
  const ordered = ORDERED_MARKER.test(marker);
  const number = /^\d+/.exec(marker);
  return {
    paragraph,
    list: match[1] ?? '0',
    level: Number(match[2] ?? 1),
    ordered,
    start: ordered && number !== null ? Number(number[0]) : null,
  };
}

/** Groups runs of Word list paragraphs (siblings, with only whitespace between) into nested lists. */
function buildWordLists(root: Element): void {
  const runs: WordItem[][] = [];
  for (const paragraph of [...root.querySelectorAll<HTMLElement>('p')]) {
    const item = wordItem(paragraph);
    if (item === null) continue;
    const run = runs.at(-1);
    const previous = run?.at(-1)?.paragraph;
    if (run !== undefined && previous !== undefined && nextElement(previous) === paragraph) run.push(item);
    else runs.push([item]);
  }
  for (const run of runs) replaceWithList(run);
}

function replaceWithList(run: readonly WordItem[]): void {
  const first = run[0];
  if (first === undefined) return;
  const doc = first.paragraph.ownerDocument;
  const root = doc.createElement('div');
  first.paragraph.before(root);
  // The lists open at each level, outermost first, with the item the next deeper list goes into.
  const open: { level: number; list: HTMLElement; kind: string; item: HTMLElement | null }[] = [];
  for (const entry of run) {
    const kind = `${entry.list}/${entry.ordered ? 'ol' : 'ul'}`;
    while (open.length > 0 && (open.at(-1)?.level ?? 0) > entry.level) open.pop();
    const top = open.at(-1);
    if (top !== undefined && top.level === entry.level && top.kind !== kind) open.pop();
    if (open.at(-1)?.level !== entry.level) {
      const list = doc.createElement(entry.ordered ? 'ol' : 'ul');
      if (entry.start !== null && entry.start !== 1) list.setAttribute('start', String(entry.start));
      (open.at(-1)?.item ?? root).append(list);
      open.push({ level: entry.level, list, kind, item: null });
    }
    const level = open.at(-1);
    if (level === undefined) continue;
    const item = doc.createElement('li');
    const paragraph = doc.createElement('p');
    paragraph.append(...entry.paragraph.childNodes);
    item.append(paragraph);
    level.list.append(item);
    level.item = item;
    entry.paragraph.remove();
  }
  root.replaceWith(...root.childNodes);
}

function nextElement(node: Element): Element | null {
  for (let next = node.nextSibling; next !== null; next = next.nextSibling) {
    if (next.nodeType === Node.ELEMENT_NODE) return next as Element;
    if (next.nodeType === Node.TEXT_NODE && (next.nodeValue ?? '').trim() !== '') return null;
  }
  return null;
}

function isBlank(element: Element): boolean {
  return (element.textContent ?? '').trim() === '' && element.querySelector('img, br') === null;
}

function rename(element: Element, tag: string): void {
  const renamed = element.ownerDocument.createElement(tag);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

/** "- ", "• ", "* " … start a bulleted line; "1. " or "1) " a numbered one. */
const BULLET_LINE = /^(\s*)[-–•·*+]\s+(.*)$/;
const NUMBERED_LINE = /^(\s*)(\d{1,3})[.)]\s+(.*)$/;

type Line =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'blank' }
  | {
      readonly type: 'item';
      readonly ordered: boolean;
      readonly start: number;
      readonly indent: number;
      readonly text: string;
    };

function readLine(raw: string): Line {
  if (raw.trim() === '') return { type: 'blank' };
  const numbered = NUMBERED_LINE.exec(raw);
  if (numbered !== null) {
    const [, indent = '', start = '1', text = ''] = numbered;
    return { type: 'item', ordered: true, start: Number(start), indent: width(indent), text };
  }
  const bullet = BULLET_LINE.exec(raw);
  if (bullet !== null) {
    const [, indent = '', text = ''] = bullet;
    return { type: 'item', ordered: false, start: 1, indent: width(indent), text };
  }
  return { type: 'text', text: raw.trim() };
}

const width = (indent: string) => indent.replace(/\t/g, '    ').length;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Plain text from a chat app as HTML the editor parses: blank lines separate paragraphs, the lines of one
 * paragraph keep their breaks, and runs of "- "/"• "/"1. " lines become lists (nested by indentation).
 * A line without a marker ends a list, as in a chat message.
 */
export function plainTextToHtml(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  // Open lists, outermost first, each with its indentation; every one has an open <li>.
  const lists: { indent: number; ordered: boolean }[] = [];
  const closeParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(escapeHtml).join('<br>')}</p>`);
    paragraph = [];
  };
  const closeList = () => {
    const list = lists.pop();
    if (list !== undefined) out.push(`</li></${list.ordered ? 'ol' : 'ul'}>`);
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n').map(readLine)) {
    if (line.type !== 'item') {
      while (lists.length > 0) closeList();
      if (line.type === 'text') paragraph.push(line.text);
      else closeParagraph();
      continue;
    }
    closeParagraph();
    while (lists.length > 0 && (lists.at(-1)?.indent ?? 0) > line.indent) closeList();
    const top = lists.at(-1);
    if (top !== undefined && top.indent === line.indent && top.ordered !== line.ordered) closeList();
    const current = lists.at(-1);
    if (current === undefined || current.indent < line.indent) {
      const tag = line.ordered ? 'ol' : 'ul';
      out.push(line.ordered && line.start !== 1 ? `<${tag} start="${line.start}">` : `<${tag}>`);
      lists.push({ indent: line.indent, ordered: line.ordered });
    } else {
      out.push('</li>');
    }
    out.push(`<li><p>${escapeHtml(line.text.trim())}</p>`);
  }
  closeParagraph();
  while (lists.length > 0) closeList();
  return out.join('');
}
