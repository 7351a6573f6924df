import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, documentName } from '@chungtay/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type RelayLimits } from '../src/limits';
import { openSqliteStorage } from '../src/store/sqlite-doc-store';
import {
  connectClient,
  rawSocket,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestRelay,
  waitFor,
} from './helpers';

/** The connection cap and the per-club quotas, against a real relay on a SQLite store. */
describe('operator limits', () => {
  let relay: TestRelay | undefined;
  let dataDir: string | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(limits: Partial<RelayLimits>): Promise<TestRelay> {
    dataDir = mkdtempSync(join(tmpdir(), 'relay-limits-'));
    relay = await startTestRelay({ limits: { ...DEFAULT_LIMITS, ...limits } }, openSqliteStorage(dataDir));
    return relay;
  }

  const metric = async (running: TestRelay, line: string) =>
    (await (await fetch(`${running.httpUrl}/metrics`)).text()).split('\n').find((l) => l.startsWith(line));

  it('refuses a connection beyond the cap with 4006 and counts it, and takes one again once a place is free', async () => {
    const running = await start({ maxConnections: 2 });
    const club = await registerClub(running.httpUrl);
    const first = rawSocket(running.syncUrl, club.clubId, club.editorKey);
    const second = rawSocket(running.syncUrl, club.clubId, club.editorKey);
    await Promise.all([first.opened, second.opened]);
    const third = rawSocket(running.syncUrl, club.clubId, club.editorKey);
    expect(await third.closed).toBe(CloseCode.tooManyConnections);
    expect(await metric(running, 'relay_connections_refused_total{reason="tooManyConnections"}')).toMatch(
      / 1$/,
    );
    first.socket.close();
    await first.closed;
    await waitFor(() => running.metrics.connections === 1, 'the first connection to leave');
    const fourth = connectClient(running.syncUrl, club.clubId, club.editorKey);
    clients.push(fourth);
    fourth.text.insert(0, 'in');
    await waitFor(() => fourth.holdsAll(), 'a connection in the freed place to sync');
    second.socket.close();
  });

  it('refuses a club one document more than its quota with 4413, while its stored documents still open', async () => {
    const running = await start({ clubMaxDocuments: 2 });
    const club = await registerClub(running.httpUrl);
    for (const name of [club.clubId, documentName(club.clubId, 'meeting', 'm1')]) {
      const client = connectClient(running.syncUrl, name, club.editorKey);
      clients.push(client);
      client.text.insert(0, name);
      await waitFor(() => client.holdsAll(), `${name} stored`);
    }
    const third = rawSocket(running.syncUrl, documentName(club.clubId, 'meeting', 'm2'), club.editorKey);
    expect(await third.closed).toBe(CloseCode.documentQuotaExceeded);
    expect(await metric(running, 'relay_connections_refused_total{reason="documentQuotaExceeded"}')).toMatch(
      / 1$/,
    );
    // A stored document opens and takes writes; another club has its own quota.
    const again = connectClient(running.syncUrl, documentName(club.clubId, 'meeting', 'm1'), club.editorKey);
    clients.push(again);
    await waitFor(() => again.text.toString() === documentName(club.clubId, 'meeting', 'm1'), 'm1 read');
    const other = await registerClub(running.httpUrl);
    const elsewhere = connectClient(
      running.syncUrl,
      documentName(other.clubId, 'meeting', 'm2'),
      other.editorKey,
    );
    clients.push(elsewhere);
    elsewhere.text.insert(0, 'x');
    await waitFor(() => elsewhere.holdsAll(), 'the other club to store its document');
  });

  it('closes a writer with 4414 once its club reached its byte quota, stores nothing of that write, and still serves reads', async () => {
    const running = await start({ clubMaxBytes: 2048 });
    const club = await registerClub(running.httpUrl);
    const writer = connectClient(running.syncUrl, club.clubId, club.editorKey);
    clients.push(writer);
    writer.text.insert(0, 'a'.repeat(3000));
    await waitFor(() => writer.holdsAll(), 'the first write to be stored (it crosses the quota)');
    writer.text.insert(0, 'over the quota');
    await waitFor(
      () => writer.closes.some((close) => close.code === CloseCode.storageQuotaExceeded),
      'the writer to be closed with 4414',
    );
    writer.provider.disconnect();
    expect(await metric(running, 'relay_connections_closed_total{reason="storageQuotaExceeded"}')).toMatch(
      / [1-9]\d*$/,
    );
    // A new tablet of the club still receives everything stored, and nothing of the refused write.
    const reader = connectClient(running.syncUrl, club.clubId, club.editorKey);
    clients.push(reader);
    await waitFor(() => reader.text.length === 3000, 'the stored text to reach a new tablet');
    await waitFor(() => reader.holdsAll(), 'the reader synced');
    expect(reader.text.toString()).toBe('a'.repeat(3000));
  });
});
