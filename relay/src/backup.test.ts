import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, registerClub, type TestClient, waitFor } from '../test/helpers';
import { backupFileName, pruneBackups, ScheduledBackups } from './backup';
import { openSqliteStorage } from './store/sqlite-doc-store';

const relayDir = join(import.meta.dirname, '..');

interface RelayProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly exited: Promise<number | null>;
}

/** The relay as `npm start` runs it (the bundle), on a free port of 127.0.0.1, with its data in `dataDir`. */
async function spawnRelay(dataDir: string): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['dist/main.js', '--host', '127.0.0.1', '--port', '0'], {
    cwd: relayDir,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(() => output.includes('relay listening'), 'relay start', 20_000);
  const line = output.split('\n').find((l) => l.includes('relay listening')) ?? '';
  return { child, exited, port: (JSON.parse(line) as { port: number }).port };
}

/** `pnpm backup` as the operator runs it: the same entry point, the relay's DATA_DIR. */
function runBackupCommand(dataDir: string, destination: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/main.js', 'backup', destination],
      { cwd: relayDir, env: { ...process.env, DATA_DIR: dataDir } },
      (error, stdout) => resolve({ code: error === null ? 0 : Number(error.code), output: stdout }),
    );
  });
}

/** The club document exactly as a backup file holds it, read straight from the file. */
function docInBackup(file: string, name: string): Y.Doc {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const doc = new Y.Doc();
  for (const row of db
    .prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq')
    .all(name))
    Y.applyUpdate(doc, new Uint8Array(row.data));
  db.close();
  return doc;
}

describe('backups', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const undo of cleanup.splice(0).reverse()) undo();
  });
  const scratch = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  beforeAll(() => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: relayDir, stdio: 'ignore' });
  });

  it('backs up a running relay while clients write, and a relay restored from it gives a new client everything backed up', async () => {
    const dataDir = scratch('relay-live-');
    const relay = await spawnRelay(dataDir);
    cleanup.push(() => relay.child.kill('SIGKILL'));
    const httpUrl = `http://127.0.0.1:${relay.port}`;
    const syncUrl = `ws://127.0.0.1:${relay.port}/sync`;
    const club = await registerClub(httpUrl);
    const writers: TestClient[] = [0, 1].map(() => connectClient(syncUrl, club.clubId, club.editorKey));
    cleanup.push(() => {
      for (const writer of writers) writer.destroy();
    });
    // Stored before the backup starts: the backup must hold these.
    writers.forEach((writer, w) => {
      for (let i = 0; i < 50; i++) writer.doc.getMap('rows').set(`before-${w}-${i}`, i);
    });
    await waitFor(() => writers.every((writer) => writer.holdsAll()), 'the first rows stored');
    // Writes go on during the backup.
    let written = 0;
    const writing = setInterval(() => {
      for (const writer of writers) writer.doc.getMap('rows').set(`during-${written++}`, 'x'.repeat(200));
    }, 10);
    const destination = join(scratch('relay-backup-'), 'nightly.sqlite');
    const backup = await runBackupCommand(dataDir, destination);
    clearInterval(writing);
    expect(backup.output).toContain('backup written by the running relay');
    expect(backup.code).toBe(0);
    expect(written).toBeGreaterThan(0);
    await waitFor(() => writers.every((writer) => writer.holdsAll()), 'the writes during the backup stored');
    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);

    // Restore: the backup becomes relay.sqlite of a fresh data directory, and a relay starts on it.
    const backedUp = docInBackup(destination, club.clubId);
    const keys = [...backedUp.getMap('rows').keys()].sort();
    expect(keys.filter((key) => key.startsWith('before-'))).toHaveLength(100);
    const restoredDir = scratch('relay-restored-');
    copyFileSync(destination, join(restoredDir, 'relay.sqlite'));
    const restored = await spawnRelay(restoredDir);
    cleanup.push(() => restored.child.kill('SIGKILL'));
    // The club's keys came back with it: the same editor key opens the document.
    const reader = connectClient(`ws://127.0.0.1:${restored.port}/sync`, club.clubId, club.editorKey);
    cleanup.push(() => reader.destroy());
    await waitFor(() => reader.doc.getMap('rows').size >= keys.length, 'the restored document');
    await waitFor(() => reader.holdsAll(), 'the reader synced');
    expect([...reader.doc.getMap('rows').keys()].sort()).toEqual(keys);
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(backedUp));
    restored.child.kill('SIGTERM');
    expect(await restored.exited).toBe(0);
  });

  it('backs up a stopped relay’s database the same way, and refuses to overwrite a file', async () => {
    const dataDir = scratch('relay-stopped-');
    const storage = openSqliteStorage(dataDir);
    await storage.docs.append('club-0001', Y.encodeStateAsUpdate(new Y.Doc()));
    await storage.close();
    const destination = join(scratch('relay-backup-'), 'copy.sqlite');
    const first = await runBackupCommand(dataDir, destination);
    expect(first.output).toContain('backup written from the stopped relay');
    expect(first.code).toBe(0);
    const again = await runBackupCommand(dataDir, destination);
    expect(again.code).toBe(2);
    expect(again.output).toContain('the destination exists');
  });

  it('takes scheduled backups named by time and keeps only the newest', async () => {
    const dataDir = scratch('relay-scheduled-');
    const dir = join(dataDir, 'backups');
    mkdirSync(dir);
    writeFileSync(join(dir, 'operator-notes.txt'), 'kept: not a backup the relay named');
    const storage = openSqliteStorage(dataDir);
    cleanup.push(() => void storage.close());
    let minute = 0;
    const schedule = new ScheduledBackups(
      storage,
      { dir, intervalMinutes: 60, keep: 2 },
      pino({ level: 'silent' }),
      () => new Date(Date.UTC(2026, 11, 3, 14, minute++)),
    );
    for (let i = 0; i < 3; i++) {
      await storage.docs.append(`club-0001/meeting/m${i}`, Y.encodeStateAsUpdate(new Y.Doc()));
      await schedule.runOnce();
    }
    await schedule.stop();
    expect(readdirSync(dir).sort()).toEqual([
      'operator-notes.txt',
      'relay-20261203T140100Z.sqlite',
      'relay-20261203T140200Z.sqlite',
    ]);
    const newest = new Database(join(dir, 'relay-20261203T140200Z.sqlite'), { readonly: true });
    expect(newest.prepare('SELECT count(*) AS n FROM doc_updates').get()).toEqual({ n: 3 });
    newest.close();
    expect(pruneBackups(dir, 5)).toEqual([]);
    expect(backupFileName(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)))).toBe(
      'relay-20260102T030405Z.sqlite',
    );
  });
});
