import 'fake-indexeddb/auto';
import type { LocalOrigin, SchemaStatus } from '@chungtay/model';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncStatus } from '../../sync/sync-status';
import { TabletStore } from '../../sync/tablet-store';
import { type DocKind, openDocSession, type RelayLink } from './doc-session';
import { createAuthorUndo } from './doc-undo';
import { fullReadProjection } from './projection';

/**
 * A small document type written only for these tests: a `notes` map, a version in `meta` (2 is what this
 * "build" writes), one migration that fills `title`, and a link that records what happened to it.
 */
const VERSION = 2;
interface NotesView {
  readonly readOnly: boolean;
  readonly version: number | null;
  readonly notes: Readonly<Record<string, string>>;
}
const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const notes = (doc: Y.Doc) => doc.getMap<string>('notes');
const versionOf = (doc: Y.Doc) => {
  const version = meta(doc).get('schemaVersion');
  return typeof version === 'number' ? version : null;
};
const readNotes = (doc: Y.Doc): NotesView => ({
  readOnly: (versionOf(doc) ?? 0) > VERSION,
  version: versionOf(doc),
  notes: notes(doc).toJSON(),
});
const schemaStatus = (doc: Y.Doc): SchemaStatus => {
  const version = versionOf(doc);
  if (version === null) return { type: 'empty' };
  if (version > VERSION) return { type: 'newer', version };
  return version < VERSION ? { type: 'outdated', from: version } : { type: 'current' };
};
const bindNotes = (doc: Y.Doc, origin: LocalOrigin) => ({
  write: (key: string, text: string) => {
    doc.transact(() => notes(doc).set(key, text), origin);
    return { ok: true } as const;
  },
});

type NotesKind = DocKind<NotesView, ReturnType<typeof bindNotes>, RelayLink>;
const lan = { id: 'device-lan', name: 'Nguyễn Thị Lan' };
let names = 0;

/** The test kind with a fresh storage name, a recording link, and `overrides` on top. */
function notesKind(overrides: Partial<NotesKind> = {}) {
  const events: string[] = [];
  const [status] = createSignal<SyncStatus>({ type: 'connecting' });
  const kind: NotesKind = {
    documentName: `club/notes-${++names}`,
    storageName: `chungtay-test-notes-${names}`,
    keepHistory: false,
    mayEdit: () => true,
    schemaStatus,
    migrate: (doc) => {
      if (schemaStatus(doc).type !== 'outdated') return;
      events.push('migrate');
      doc.transact(() => {
        if (!notes(doc).has('title')) notes(doc).set('title', 'Sổ ghi chép');
        meta(doc).set('schemaVersion', VERSION);
      }, 'migration');
    },
    link: (doc) => {
      events.push(`link gc=${doc.gc}`);
      return {
        status,
        current: () => null,
        close: () => void events.push(`link closed, doc ${doc.isDestroyed ? 'destroyed' : 'open'}`),
      };
    },
    prepare: (doc) => {
      events.push('prepare');
      if (versionOf(doc) === null) meta(doc).set('schemaVersion', VERSION);
    },
    start: () => void events.push('start'),
    project: (doc) => fullReadProjection(doc, readNotes),
    bind: bindNotes,
    undo: (doc, origin) => createAuthorUndo([notes(doc)], origin),
    ...overrides,
  };
  return { kind, events };
}

/** Writes straight into a kind's stored copy, as another build (or an older one) left it. */
async function storeAs(storageName: string, write: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  const tablet = new TabletStore(storageName, doc);
  await tablet.load();
  doc.transact(() => write(doc), 'test');
  await tablet.whenSettled();
  await tablet.destroy();
  doc.destroy();
}

const open = (kind: NotesKind) => openDocSession(kind, lan);

describe('one document session', () => {
  it('prepares, links and starts in that order, keeps edits on the tablet and closes the relay first', async () => {
    const { kind, events } = notesKind();
    const session = await open(kind);
    expect(events).toEqual(['prepare', 'link gc=true', 'start']);
    expect(session.syncStatus()).toEqual({ type: 'connecting' });
    expect(session.commands.write('title', 'Họp chi hội')).toEqual({ ok: true });
    await Promise.resolve();
    expect(session.view.notes).toEqual({ title: 'Họp chi hội' });
    await session.whenSaved();
    expect(session.saveState()).toBe('saved');
    await session.close();
    expect(events.at(-1)).toBe('link closed, doc open');
    expect(session.doc.isDestroyed).toBe(true);

    const again = await open(notesKind({ storageName: kind.storageName }).kind);
    expect(again.view.notes).toEqual({ title: 'Họp chi hội' });
    await again.close();
  });

  it('opens a doc that keeps its history with garbage collection off', async () => {
    const { kind, events } = notesKind({ keepHistory: true });
    const session = await open(kind);
    expect(events).toContain('link gc=false');
    expect(session.doc.gc).toBe(false);
    await session.close();
  });

  it('migrates an older doc when this tablet may edit, and leaves it as it is when it may not', async () => {
    const viewer = notesKind({ mayEdit: () => false });
    await storeAs(viewer.kind.storageName, (doc) => meta(doc).set('schemaVersion', 1));
    const seen = await open(viewer.kind);
    expect(viewer.events).not.toContain('migrate');
    // Nothing is written by a tablet whose writes would never reach the relay: no start either.
    expect(viewer.events).toEqual(['link gc=true']);
    expect(seen.view).toMatchObject({ version: 1, notes: {} });
    await seen.close();

    const editor = notesKind({ storageName: viewer.kind.storageName });
    const migrated = await open(editor.kind);
    expect(editor.events).toContain('migrate');
    expect(migrated.view).toMatchObject({ version: VERSION, notes: { title: 'Sổ ghi chép' } });
    // A migration is nobody's edit: there is nothing to undo.
    expect(migrated.canUndo()).toBe(false);
    await migrated.close();
  });

  it('refuses every command while the key may not edit or the doc is newer, and says which version', async () => {
    const [editor, setEditor] = createSignal(false);
    const { kind } = notesKind({ mayEdit: editor });
    const session = await open(kind);
    expect(session.canEdit()).toBe(false);
    expect(session.commands.write('title', 'Không được')).toEqual({ ok: false, error: { type: 'readOnly' } });
    setEditor(true);
    expect(session.commands.write('title', 'Được')).toEqual({ ok: true });
    expect(session.newerVersion).toBeNull();
    await session.whenSaved();
    await session.close();

    await storeAs(kind.storageName, (doc) => meta(doc).set('schemaVersion', VERSION + 1));
    const newer = await open(notesKind({ storageName: kind.storageName }).kind);
    expect(newer.newerVersion).toBe(VERSION + 1);
    expect(newer.canEdit()).toBe(false);
    expect(newer.commands.write('title', 'Không được')).toEqual({ ok: false, error: { type: 'readOnly' } });
    expect(newer.view.notes).toEqual({ title: 'Được' });
    await newer.close();
  });

  it('undoes and redoes this person’s edits only, never a colleague’s that arrived meanwhile', async () => {
    const { kind } = notesKind();
    const session = await open(kind);
    session.commands.write('title', 'Họp chi hội');
    // A colleague's tablet edits another note; its update arrives from the relay.
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(session.doc));
    notes(colleague).set('place', 'Nhà văn hóa');
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(session.doc)), 'relay');
    expect(session.canUndo()).toBe(true);
    expect(session.nextStepAt('undo')).toEqual(expect.any(Number));
    session.undo();
    await Promise.resolve();
    expect(session.view.notes).toEqual({ place: 'Nhà văn hóa' });
    expect(session.canUndo()).toBe(false);
    expect(session.canRedo()).toBe(true);
    session.redo();
    await Promise.resolve();
    expect(session.view.notes).toEqual({ title: 'Họp chi hội', place: 'Nhà văn hóa' });
    await session.close();
  });

  it('offers no undo while the doc may not be written, since an undo writes past the commands’ checks', async () => {
    const [writable, setWritable] = createSignal(true);
    const { kind } = notesKind({ writable });
    const session = await open(kind);
    session.commands.write('title', 'Họp chi hội');
    setWritable(false);
    expect(session.canUndo()).toBe(false);
    session.undo();
    await Promise.resolve();
    expect(session.view.notes).toEqual({ title: 'Họp chi hội' });
    setWritable(true);
    session.undo();
    await Promise.resolve();
    expect(session.view.notes).toEqual({});
    await session.close();
  });

  it('keeps a doc without a link or an undo on this tablet, with nothing to undo', async () => {
    const { link: _link, undo: _undo, ...kept } = notesKind().kind;
    const session = await open(kept);
    expect(session.syncStatus()).toEqual({ type: 'localOnly' });
    session.commands.write('title', 'Họp chi hội');
    expect(session.canUndo()).toBe(false);
    await session.close();
  });

  it('opens with the readable rows and counts the damaged one it set aside', async () => {
    const { kind } = notesKind();
    await storeAs(kind.storageName, (doc) => notes(doc).set('title', 'Họp chi hội'));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(kind.storageName);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction('updates', 'readwrite');
        tx.objectStore('updates').add(new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]));
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      };
    });
    const session = await open(kind);
    expect(session.damaged).toBe(1);
    expect(session.view.notes).toEqual({ title: 'Họp chi hội' });
    await session.close();
  });
});
