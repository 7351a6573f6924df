import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { runDocStoreTests } from './doc-store-conformance';
import { openSqliteStorage } from './sqlite-doc-store';

runDocStoreTests('sqlite storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
  return { open: () => openSqliteStorage(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
});

runDocStoreTests('sqlite storage (synchronous=FULL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
  return {
    open: () => openSqliteStorage(dir, 'full'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('sqlite WAL checkpoints', () => {
  const walBytes = (dir: string) => statSync(join(dir, 'relay.sqlite-wal')).size;
  const update = (text: string) => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  };

  it('folds the WAL into the database once appends pause, and keeps every row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
    const storage = openSqliteStorage(dir, 'normal', { quietMs: 100, maxWalBytes: 1024 * 1024 * 1024 });
    for (let i = 0; i < 20; i++) await storage.docs.append('club-0001', update(`row ${i}`));
    expect(walBytes(dir)).toBeGreaterThan(0);
    await vi.waitFor(() => expect(walBytes(dir)).toBe(0), { timeout: 5000, interval: 50 });
    expect((await storage.docs.load('club-0001')).updates).toHaveLength(20);
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checkpoints under sustained writes once the WAL reaches its ceiling', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
    const storage = openSqliteStorage(dir, 'normal', { quietMs: 60_000, maxWalBytes: 256 * 1024 });
    let largest = 0;
    let truncated = false;
    const started = Date.now();
    // Keep writing (never a quiet moment) until the ceiling forced a checkpoint.
    for (let i = 0; !truncated && Date.now() - started < 10_000; i++) {
      await storage.docs.append(`club-000${i % 5}`, update(`row ${i} ${'x'.repeat(200)}`));
      const size = walBytes(dir);
      largest = Math.max(largest, size);
      truncated = size < largest;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(largest).toBeGreaterThanOrEqual(256 * 1024);
    expect(truncated).toBe(true);
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('sqlite erasure', () => {
  it('leaves no byte of a compacted-away update in the database file or its WAL, free space included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
    const storage = openSqliteStorage(dir, 'normal', { quietMs: 60_000, maxWalBytes: 1024 * 1024 * 1024 });
    const secret = 'Phạm Thị Xuyến 0912 777 345';
    const writer = new Y.Doc();
    const members = writer.getMap<string>('members');
    members.set('m1', `${secret} ${'ghi chú '.repeat(40)}`);
    const throughSeq = await storage.docs.append('club-0001/health', Y.encodeStateAsUpdate(writer));
    // Another document's rows sort right after it (rows are clustered by document name), so the page that
    // held the secret stays in use after the compaction: its freed cell is what must not keep the bytes.
    const other = new Y.Doc();
    for (let i = 0; i < 5; i++) {
      const before = Y.encodeStateVector(other);
      other.getMap('members').set(`m${i}`, `Trần Văn ${i}`);
      await storage.docs.append('club-0001/money', Y.encodeStateAsUpdate(other, before));
    }
    members.delete('m1');
    // The erasure's compaction: the snapshot of a gc'd doc no longer holds the secret.
    const snapshot = Y.encodeStateAsUpdate(writer);
    expect(Buffer.from(snapshot).includes(Buffer.from(secret))).toBe(false);
    await storage.docs.compact('club-0001/health', snapshot, throughSeq);
    await storage.close();
    const files = ['relay.sqlite', 'relay.sqlite-wal'].map((f) => join(dir, f)).filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file).includes(Buffer.from(secret)), file).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('sqlite schema', () => {
  it('migrates a version 1 database (rowid table and index) without losing a row or reusing a seq', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
    const legacy = new Database(join(dir, 'relay.sqlite'));
    legacy.exec(`
      CREATE TABLE updates (seq INTEGER PRIMARY KEY, doc TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX updates_by_doc ON updates (doc, seq);
      CREATE TABLE clubs (club_id TEXT PRIMARY KEY, editor_key_hash TEXT NOT NULL, viewer_key_hash TEXT NOT NULL);
      CREATE TABLE retired_keys (club_id TEXT NOT NULL, key_hash TEXT NOT NULL, PRIMARY KEY (club_id, key_hash));
    `);
    const insert = legacy.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
    const writer = new Y.Doc();
    for (const word of ['một ', 'hai ', 'ba ']) {
      const before = Y.encodeStateVector(writer);
      writer.getText('t').insert(writer.getText('t').length, word);
      insert.run('club-0001', Y.encodeStateAsUpdate(writer, before));
    }
    legacy.prepare('INSERT INTO clubs VALUES (?, ?, ?)').run('club-0001', 'a'.repeat(64), 'b'.repeat(64));
    legacy.close();

    const storage = openSqliteStorage(dir);
    const stored = await storage.docs.load('club-0001');
    expect(stored.lastSeq).toBe(3);
    const copy = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe('một hai ba ');
    expect(await storage.docs.append('club-0002', Y.encodeStateAsUpdate(writer))).toBe(4);
    expect((await storage.clubs.get('club-0001'))?.editorKeyHash).toBe('a'.repeat(64));
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a database written by a newer relay, untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
    const newer = new Database(join(dir, 'relay.sqlite'));
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => openSqliteStorage(dir)).toThrow(/schema version 99/);
    const check = new Database(join(dir, 'relay.sqlite'));
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
