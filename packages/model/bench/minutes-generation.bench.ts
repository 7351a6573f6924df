/**
 * Size and open time of a meeting's minutes before and after a rewrite as a new generation (issue 12 §2):
 * about 3,000 words of text reached through 2,000 edits (words typed, sentences deleted and retyped), as a
 * secretary's minutes grow over a meeting and the days after. Prints figures; asserts nothing.
 *
 *   pnpm exec tsx packages/model/bench/minutes-generation.bench.ts
 */
import * as Y from 'yjs';
import { rewriteMinutes } from '../src/generation/rewrite-minutes';
import type { MemberId } from '../src/ids/ids';
import { addAgendaItem, updateAgendaItem } from '../src/minutes/agenda-commands';
import { createMinutes, updateMinutesHeader } from '../src/minutes/minutes-commands';
import { type AgendaItemId, createMinutesDoc, getAgendaBody } from '../src/minutes/minutes-layout';
import { readMinutes } from '../src/minutes/read-minutes';
import { localOrigin } from '../src/origin/origin';

const origin = localOrigin({ id: 'bench', name: 'Hoa' });
const SECRETARY = 'member-hung-0001' as MemberId;
const NAME = 'Trần Thị Bưởi';
const WORDS = 'hội viên thảo luận thống nhất quỹ vay vốn chăn nuôi trả nợ đúng hạn sức khỏe thăm hỏi'.split(
  ' ',
);
const word = (i: number) => WORDS[i % WORDS.length] ?? 'và';

function build(): Y.Doc {
  const doc = createMinutesDoc();
  const made = createMinutes(
    doc,
    {
      clubId: 'club-bench-0001' as never,
      meetingId: 'meeting-bench-01' as never,
      header: {
        date: '2026-03-20',
        startedAt: '08:00',
        place: 'Nhà văn hóa',
        chairId: SECRETARY,
        secretaryId: SECRETARY,
      },
    },
    origin,
  );
  if (!made.ok) throw new Error('createMinutes');
  const items: AgendaItemId[] = [];
  for (let i = 0; i < 10; i++) {
    const added = addAgendaItem(doc, { title: `Mục ${i + 1}` }, origin);
    if (!added.ok) throw new Error('addAgendaItem');
    items.push(added.value);
    const body = getAgendaBody(doc, added.value);
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('')]);
      body?.push([paragraph]);
    }, origin);
  }
  for (let edit = 0; edit < 2000; edit++) {
    const item = items[Math.floor(edit / 3) % items.length] as AgendaItemId;
    const run = getAgendaBody(doc, item)?.get(0)?.get(0) as Y.XmlText;
    if (edit % 5 === 4) {
      // A sentence deleted and written again: history the rewrite sheds.
      doc.transact(() => run.delete(Math.max(0, run.length - 14), Math.min(14, run.length)), origin);
    } else {
      const text = edit === 100 ? `bà ${NAME} ` : `${word(edit)} ${word(edit + 3)} ${word(edit + 7)} `;
      // Typed once in a body (deleted later with its sentence, so only the history holds it) and in the recipients.
      doc.transact(() => run.insert(run.length, text), origin);
    }
    if (edit % 50 === 0) updateAgendaItem(doc, item, { decisions: `Kết luận ${edit}` }, origin);
    if (edit === 1000) updateMinutesHeader(doc, { recipients: `- Bà ${NAME}\n- Lưu: CLB` }, origin);
  }
  return doc;
}

function wordCount(doc: Y.Doc): number {
  return readMinutes(doc).agenda.reduce(
    (n, item) => n + item.bodyText.split(/\s+/).filter(Boolean).length,
    0,
  );
}

/** Median of `runs` timings of opening the encoded doc: decode into a gc-off doc and read the view. */
function openTime(update: Uint8Array, runs = 9): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const doc = createMinutesDoc();
    Y.applyUpdate(doc, update);
    readMinutes(doc);
    times.push(performance.now() - start);
    doc.destroy();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? 0;
}

const doc = build();
const before = Y.encodeStateAsUpdate(doc);
const startRewrite = performance.now();
const rewritten = rewriteMinutes(
  doc,
  {
    terms: [NAME],
    by: SECRETARY,
    at: new Date().toISOString(),
    vouched: { chair: null, secretary: null, reopenings: [] },
  },
  origin,
);
const rewriteMs = performance.now() - startRewrite;
if (!rewritten.ok) throw new Error(`rewrite: ${rewritten.error.type}`);
const after = Y.encodeStateAsUpdate(rewritten.value.doc);
const kb = (bytes: Uint8Array) => `${(bytes.length / 1024).toFixed(1)} KB`;
const rows = [
  ['', 'before (generation 0)', 'after (generation 1)'],
  ['words in the bodies', String(wordCount(doc)), String(wordCount(rewritten.value.doc))],
  ['encoded size', kb(before), kb(after)],
  [
    'open (decode + read), median of 9',
    `${openTime(before).toFixed(1)} ms`,
    `${openTime(after).toFixed(1)} ms`,
  ],
];
for (const row of rows) process.stdout.write(`${row.map((cell) => cell.padEnd(36)).join('')}\n`);
process.stdout.write(
  `rewrite itself: ${rewriteMs.toFixed(1)} ms; words redacted: ${rewritten.value.count}\n`,
);
