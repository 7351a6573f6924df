import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { requirePostgresBinaries, usePostgresServer } from '../../test/support/postgres-server';
import { runDocStoreTests } from './doc-store-conformance';
import { openPostgresStorage, postgresPoolConfig } from './postgres-doc-store';

const run = promisify(execFile);

const server = usePostgresServer();

runDocStoreTests('postgres storage', () => {
  // One database per test; the peer is a second pool on it, as a second relay process would open.
  let url: Promise<string> | undefined;
  const database = () => (url ??= server.createDatabase());
  return {
    open: async () => openPostgresStorage(await database()),
    openPeer: async () => openPostgresStorage(await database()),
    cleanup: () => {},
  };
});

function rebuild(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('postgres storage across processes', () => {
  it('loses nothing when three processes append to one document and compact it as they go', async () => {
    const url = await server.createDatabase();
    const processes = await Promise.all([0, 1, 2].map(() => openPostgresStorage(url, { poolMax: 3 })));
    // One writer per process, each with its own Yjs client, so every update must survive on its own.
    const writers = processes.map(() => new Y.Doc());
    const expected = writers.map(() => '');
    await Promise.all(
      processes.map(async ({ docs }, p) => {
        const writer = writers[p] ?? new Y.Doc();
        for (let round = 0; round < 25; round++) {
          const appends = [0, 1, 2].map((i) => {
            const text = `${p}:${round}.${i} `;
            expected[p] += text;
            return docs.append('club-0001', textUpdate(writer, text));
          });
          if (round % 5 === p) {
            // Fold exactly what this process loaded, while the others keep appending.
            const stored = await docs.load('club-0001');
            await docs.compact('club-0001', Y.mergeUpdates([...stored.updates]), stored.lastSeq);
          }
          await Promise.all(appends);
        }
      }),
    );
    const merged = new Y.Doc();
    for (const update of (await processes[0]!.docs.load('club-0001')).updates) Y.applyUpdate(merged, update);
    const text = merged.getText('t').toString();
    // Writers never saw each other's updates, so each one's text stays in one run.
    for (const written of expected) expect(text).toContain(written);
    expect(text.length).toBe(expected.join('').length);
    await Promise.all(processes.map((storage) => storage.close()));
  });

  it('makes a second process append after a first one still committing, so a load never sees a gap', async () => {
    // A load sees a prefix of the log: what a room folds before compacting through its last seq (catchUp).
    const url = await server.createDatabase();
    const [other, reader] = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
    const writer = new Y.Doc();
    // A first process's append, caught between its statements and its commit (the store's append, by hand).
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    await slow.query('BEGIN');
    await slow.query("INSERT INTO documents (doc, last_seq) VALUES ('d', 1)");
    await slow.query("INSERT INTO doc_updates (doc, seq, data) VALUES ('d', 1, $1)", [
      Buffer.from(textUpdate(writer, 'first ')),
    ]);
    const second = other.docs.append('d', textUpdate(writer, 'second'));
    await vi.waitFor(
      async () => {
        const { rows } = await slow.query(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = 'chungtay-relay' AND wait_event_type = 'Lock'",
        );
        expect(rows).toHaveLength(1);
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(await reader.docs.load('d')).toEqual({ updates: [], lastSeq: 0 });
    await slow.query('COMMIT');
    expect(await second).toBe(2);
    const loaded = await reader.docs.load('d');
    expect(loaded.lastSeq).toBe(2);
    expect(rebuild(loaded.updates)).toBe('first second');
    await slow.end();
    await Promise.all([other.close(), reader.close()]);
  });

  it('gives one rotation to the first of two processes presenting the same editor key', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
    await a!.clubs.create('club-0001', { editorKeyHash: 'e1', viewerKeyHash: 'v1' });
    const results = await Promise.all([
      a!.clubs.rotate('club-0001', 'e1', { editorKeyHash: 'ea', viewerKeyHash: 'va' }),
      b!.clubs.rotate('club-0001', 'e1', { editorKeyHash: 'eb', viewerKeyHash: 'vb' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const record = await b!.clubs.get('club-0001');
    expect(record?.editorKeyHash).toBe(results[0] ? 'ea' : 'eb');
    expect([...(record?.retiredKeyHashes ?? [])].sort()).toEqual(['e1', 'v1']);
    await Promise.all([a!.close(), b!.close()]);
  });
});

describe('postgres large updates', () => {
  it('stores and loads updates of megabytes sent at once, byte for byte', async () => {
    const storage = await openPostgresStorage(await server.createDatabase());
    const writer = new Y.Doc();
    // Random text, so each update really weighs about 2 MB on the wire and in the table.
    const updates = [1, 2, 3].map(() => textUpdate(writer, randomBytes(1_500_000).toString('base64')));
    await Promise.all(updates.map((update) => storage.docs.append('club-0001', update)));
    const loaded = await storage.docs.load('club-0001');
    // Buffer.equals: a deep toEqual over millions of elements takes the test's whole timeout.
    expect(
      loaded.updates.map((update, i) => Buffer.from(update).equals(updates[i] ?? new Uint8Array())),
    ).toEqual([true, true, true]);
    await storage.close();
  });
});

describe('postgres club usage', () => {
  it("counts a club's documents and stored bytes, and nothing of a club whose id starts the same", async () => {
    const storage = await openPostgresStorage(await server.createDatabase());
    const update = textUpdate(new Y.Doc(), 'một hai ba');
    for (const name of ['clubAAAA', 'clubAAAA/health', 'clubAAAA/meeting/m1', 'clubAAAA/meeting/m1']) {
      await storage.docs.append(name, update);
    }
    for (const name of ['clubAAAAB', 'clubAAAA-x', 'clubAAA']) await storage.docs.append(name, update);
    expect(await storage.usage.clubUsage('clubAAAA')).toEqual({ documents: 3, bytes: 4 * update.byteLength });
    expect(await storage.usage.clubUsage('nobody')).toEqual({ documents: 0, bytes: 0 });
    expect(await storage.usage.hasDocument('clubAAAA/health')).toBe(true);
    expect(await storage.usage.hasDocument('clubAAAA/meeting/m2')).toBe(false);
    await storage.close();
  });
});

describe('postgres schema and durability', () => {
  it('creates the schema once when several relays start on an empty database at the same moment', async () => {
    const url = await server.createDatabase();
    const relays = await Promise.all([0, 1, 2, 3].map(() => openPostgresStorage(url)));
    const { rows } = await server.sql(url.split('/').at(-1) ?? '', 'SELECT version FROM relay_schema');
    expect(rows).toEqual([{ version: 1 }]);
    await Promise.all(relays.map((relay) => relay.close()));
  });

  it('refuses a database written by a newer relay, untouched', async () => {
    const url = await server.createDatabase();
    await (await openPostgresStorage(url)).close();
    const name = url.split('/').at(-1) ?? '';
    await server.sql(name, 'UPDATE relay_schema SET version = 99');
    await expect(openPostgresStorage(url)).rejects.toThrow(/schema version 99/);
    expect((await server.sql(name, 'SELECT version FROM relay_schema')).rows).toEqual([{ version: 99 }]);
  });

  it('connects with synchronous commit on even when the database default is off', async () => {
    const url = await server.createDatabase();
    const name = url.split('/').at(-1) ?? '';
    await server.sql(name, `ALTER DATABASE ${name} SET synchronous_commit = off`);
    expect((await server.sql(name, 'SHOW synchronous_commit')).rows).toEqual([{ synchronous_commit: 'off' }]);
    const pool = new pg.Pool(postgresPoolConfig(url));
    expect((await pool.query('SHOW synchronous_commit')).rows).toEqual([{ synchronous_commit: 'on' }]);
    expect((await pool.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '30s' }]);
    await pool.end();
  });
});

describe('postgres restarts', () => {
  it('keeps every acknowledged append across a crash of PostgreSQL, fails appends while it is down, then goes on', async () => {
    const url = await server.createDatabase();
    // No onPoolError: the idle connections' errors when the server dies must not crash the process either.
    const storage = await openPostgresStorage(url);
    const writer = new Y.Doc();
    for (let i = 0; i < 20; i++) await storage.docs.append('club-0001', textUpdate(writer, `${i};`));
    await server.crash();
    await expect(storage.docs.append('club-0001', textUpdate(writer, 'lost;'))).rejects.toThrow();
    await server.start();
    // The pool replaces its broken connections; the store needs no reopening.
    await storage.docs.append('club-0001', textUpdate(writer, 'after;'));
    const copy = new Y.Doc();
    for (const update of (await storage.docs.load('club-0001')).updates) Y.applyUpdate(copy, update);
    // The refused update is missing (with it its successor waits, as Yjs keeps a gap pending); the client
    // that was refused re-sends it on its next sync, as it does after a relay restart.
    const acknowledged = Array.from({ length: 20 }, (_, i) => `${i};`).join('');
    expect(copy.getText('t').toString()).toBe(acknowledged);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(copy)));
    expect(copy.getText('t').toString()).toBe(`${acknowledged}lost;after;`);
    await storage.close();
  });
});

describe('postgres backups', () => {
  it('restores a pg_dump taken while appends go on into a database a relay opens with every document', async () => {
    const url = await server.createDatabase();
    const storage = await openPostgresStorage(url);
    const writer = new Y.Doc();
    for (let i = 0; i < 50; i++) await storage.docs.append('club-0001', textUpdate(writer, `${i};`));
    await storage.clubs.create('club-0001', { editorKeyHash: 'e', viewerKeyHash: 'v' });
    const dir = await mkdtemp(join(tmpdir(), 'relay-dump-'));
    const dump = join(dir, 'relay.dump');
    // The README's command; pg_dump reads one consistent snapshot, so appends need not stop.
    let writing = true;
    const during = (async () => {
      for (let i = 0; writing; i++)
        await storage.docs.append('club-0001/health', textUpdate(new Y.Doc(), `${i}`));
    })();
    await run(join(requirePostgresBinaries(), 'pg_dump'), ['--format=custom', `--file=${dump}`, url]);
    writing = false;
    await during;
    await storage.close();

    const restoredUrl = await server.createDatabase();
    await run(join(requirePostgresBinaries(), 'pg_restore'), ['--no-owner', `--dbname=${restoredUrl}`, dump]);
    const restored = await openPostgresStorage(restoredUrl);
    const copy = new Y.Doc();
    for (const update of (await restored.docs.load('club-0001')).updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe(writer.getText('t').toString());
    expect((await restored.clubs.get('club-0001'))?.editorKeyHash).toBe('e');
    // Appends continue after the restored rows.
    const next = await restored.docs.append('club-0001', textUpdate(writer, 'after'));
    expect(next).toBeGreaterThan(50);
    await restored.close();
    await rm(dir, { recursive: true, force: true });
  });
});
