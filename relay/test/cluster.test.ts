/**
 * Two relays sharing documents through a real Redis (RedisRoomBus) and one store, in this Node process;
 * cluster-processes.test.ts does the same with separate OS processes on PostgreSQL. Real y-websocket
 * clients, each connected to one relay or the other, never both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, generateKey, registerClubPath, rotateKeysPath } from '@chungtay/protocol';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type RunningRelay, startRelay } from '../src/app';
import type { RelayConfig } from '../src/config';
import { DEFAULT_LIMITS, REGISTRATION_CODE_BURST } from '../src/limits';
import { RedisRoomBus } from '../src/room/redis-bus';
import type { Storage } from '../src/store/doc-store';
import { openMemoryStorage } from '../src/store/memory-doc-store';
import { openSqliteStorage } from '../src/store/sqlite-doc-store';
import { connectClient, registerClub, type TestClient, type TestClub, testConfig, waitFor } from './helpers';
import { type RedisServer, startRedisServer } from './support/redis-server';

interface Node {
  readonly relay: RunningRelay;
  readonly bus: RedisRoomBus;
  readonly httpUrl: string;
  readonly syncUrl: string;
}

const logger = pino({ level: 'silent' });

/** One unlabelled sample from a relay's /metrics. */
async function metric(node: Node, name: string): Promise<number> {
  const text = await (await fetch(`${node.httpUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

async function startNode(
  redis: RedisServer,
  storage: Storage,
  overrides: Partial<RelayConfig> = {},
): Promise<Node> {
  const bus = await RedisRoomBus.connect(redis.url, logger);
  // Compacting often makes the cross-process compaction path run in these tests too.
  const config = testConfig({ compactAfterUpdates: 20, ...overrides });
  const relay = await startRelay(config, storage, logger, bus);
  return {
    relay,
    bus,
    httpUrl: `http://127.0.0.1:${relay.port}`,
    syncUrl: `ws://127.0.0.1:${relay.port}/sync`,
  };
}

describe('two relays sharing rooms through Redis', () => {
  let redis: RedisServer;
  let storage: Storage;
  let a: Node;
  let b: Node;
  let club: TestClub;
  const clients: TestClient[] = [];
  const open = (node: Node, name = club.clubId, key = club.editorKey) => {
    const client = connectClient(node.syncUrl, name, key);
    clients.push(client);
    return client;
  };
  const synced = (client: TestClient) => waitFor(() => client.provider.synced, 'synced');

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis.stop());
  beforeEach(async () => {
    storage = openMemoryStorage();
    a = await startNode(redis, storage);
    b = await startNode(redis, storage);
    club = await registerClub(a.httpUrl);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const node of [a, b]) {
      await node.relay.close();
      await node.bus.close();
    }
  });

  it('two clients on different relays converge, whichever writes', async () => {
    const lan = open(a);
    const minh = open(b);
    await synced(lan);
    await synced(minh);
    lan.text.insert(0, 'Lan ');
    await waitFor(() => minh.text.toString() === 'Lan ', 'Minh sees Lan');
    // Concurrent edits on both sides, many of them, so compaction runs on both relays meanwhile.
    for (let i = 0; i < 60; i++) {
      lan.text.insert(lan.text.length, `a${i};`);
      minh.text.insert(0, `b${i};`);
    }
    await waitFor(() => lan.text.toString() === minh.text.toString(), 'converged');
    await waitFor(() => lan.holdsAll() && minh.holdsAll(), 'both synced');
    expect(lan.text.toString()).toContain('a59;');
    expect(lan.text.toString()).toContain('b59;');
    // What each relay acknowledged is in the shared store: a third client on either relay reads it all.
    const later = open(b);
    await waitFor(() => later.text.toString() === lan.text.toString(), 'a later client has everything');
    expect(await metric(b, 'relay_updates_from_other_processes_total')).toBeGreaterThan(0);
  });

  it('stores and forwards across relays: an edit made on one relay reaches a client that connects to the other later', async () => {
    const writer = open(a);
    writer.text.insert(0, 'Biên bản họp 7h30');
    await waitFor(() => writer.holdsAll(), 'stored');
    writer.destroy();
    // b held no room of this document: it loads it from the store.
    const reader = open(b);
    await waitFor(() => reader.text.toString() === 'Biên bản họp 7h30', 'the reader on b');
    // And now that b holds the room, a's next writer reaches it through the bus.
    const second = open(a);
    await synced(second);
    second.text.insert(second.text.length, ', 12 người');
    await waitFor(() => reader.text.toString() === 'Biên bản họp 7h30, 12 người', 'forwarded to b');
  });

  it('relays presence across relays, and its removal when a client leaves', async () => {
    // A viewer key opens only the club's summary (issue 15), so presence is shown there.
    const summary = `${club.clubId}/summary`;
    const lan = open(a, summary);
    const viewer = open(b, summary, club.viewerKey);
    await synced(lan);
    await synced(viewer);
    lan.provider.awareness.setLocalStateField('user', { name: 'Lan' });
    viewer.provider.awareness.setLocalStateField('user', { name: 'Hoa' });
    const names = (client: TestClient) =>
      [...client.provider.awareness.getStates().values()].map((state) => state.user?.name);
    await waitFor(() => names(viewer).includes('Lan'), 'b sees Lan');
    await waitFor(() => names(lan).includes('Hoa'), 'a sees Hoa');
    lan.destroy();
    await waitFor(() => !names(viewer).includes('Lan'), 'Lan gone on b');
    // A newcomer on b is greeted with the presence b took from a's clients (Hoa is local, so: none of a's).
    const newcomer = open(b, summary);
    await waitFor(() => names(newcomer).includes('Hoa'), 'newcomer sees Hoa');
    expect(names(newcomer)).not.toContain('Lan');
  });

  it('greets a client of a room that just loaded with the presence of clients on the other relay', async () => {
    const lan = open(a, `${club.clubId}/summary`);
    await synced(lan);
    lan.provider.awareness.setLocalStateField('user', { name: 'Lan' });
    await waitFor(() => lan.provider.awareness.getStates().size === 1, 'Lan present');
    // b loads the summary only now; Lan's next renewal is 15 s away, so only b's query can bring her.
    const late = open(b, `${club.clubId}/summary`, club.viewerKey);
    const names = () => [...late.provider.awareness.getStates().values()].map((state) => state.user?.name);
    await waitFor(() => names().includes('Lan'), 'the late client sees Lan', 5_000);
  });

  it('a key rotation on one relay closes the club’s sockets on the other with 4410', async () => {
    const onA = open(a);
    const onB = open(b);
    const viewerOnB = open(b, `${club.clubId}/summary`, club.viewerKey);
    const otherClub = await registerClub(a.httpUrl);
    const bystander = open(b, otherClub.clubId, otherClub.editorKey);
    await Promise.all([onA, onB, viewerOnB, bystander].map(synced));
    const rotated = await fetch(a.httpUrl + rotateKeysPath(club.clubId), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${club.editorKey}` },
      body: JSON.stringify({ editorKey: generateKey(), viewerKey: generateKey() }),
    });
    expect(rotated.status).toBe(200);
    for (const client of [onA, onB, viewerOnB])
      await waitFor(() => client.closes.some((c) => c.code === CloseCode.keyRevoked), '4410');
    expect(bystander.closes).toEqual([]);
    expect(bystander.provider.wsconnected).toBe(true);
  });

  it('shares the budget of failed registration codes: guesses spread over both relays meet one budget', async () => {
    const code = 'mã-đăng-ký-của-huyện-2026';
    const guarded = [
      await startNode(redis, storage, { registrationCode: code }),
      await startNode(redis, storage, { registrationCode: code }),
    ];
    try {
      const attempt = (node: Node, registrationCode: string) =>
        fetch(node.httpUrl + registerClubPath(`club-${Math.random().toString(36).slice(2)}`), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ editorKey: generateKey(), viewerKey: generateKey(), registrationCode }),
        }).then((response) => response.status);
      for (let i = 0; i < REGISTRATION_CODE_BURST; i++)
        expect(await attempt(guarded[i % 2] as Node, `guess ${i}`)).toBe(403);
      for (const node of guarded) expect(await attempt(node, code)).toBe(429);
    } finally {
      for (const node of guarded) {
        await node.relay.close();
        await node.bus.close();
      }
    }
  });

  it('counts another relay’s stored bytes in the club’s quota: a club filled through one relay is full on the other', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'relay-cluster-quota-'));
    const sqlite = openSqliteStorage(dataDir);
    // One SQLite handle for both relays (they share this Node process); closed once, at the end.
    const shared = {
      docs: sqlite.docs,
      clubs: sqlite.clubs,
      usage: sqlite.usage,
      close: async () => undefined,
    };
    const limits = { ...DEFAULT_LIMITS, clubMaxBytes: 4096 };
    const nodes = [
      await startNode(redis, shared, { limits }),
      await startNode(redis, shared, { limits }),
    ] as const;
    try {
      const quotaClub = await registerClub(nodes[0].httpUrl);
      const onSecond = open(nodes[1], quotaClub.clubId, quotaClub.editorKey);
      await synced(onSecond);
      const onFirst = open(nodes[0], quotaClub.clubId, quotaClub.editorKey);
      onFirst.text.insert(0, 'a'.repeat(5000));
      await waitFor(() => onSecond.text.length === 5000, 'the big write to reach the second relay');
      onSecond.text.insert(0, 'one more line');
      await waitFor(
        () => onSecond.closes.some((close) => close.code === CloseCode.storageQuotaExceeded),
        'the second relay to refuse the write with 4414',
      );
    } finally {
      for (const node of nodes) {
        await node.relay.close();
        await node.bus.close();
      }
      await sqlite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('catches up from the store when its subscription dropped while another relay kept publishing', async () => {
    const lan = open(a);
    const minh = open(b);
    await synced(lan);
    await synced(minh);
    const names = () => [...minh.provider.awareness.getStates().values()].map((state) => state.user?.name);
    lan.provider.awareness.setLocalStateField('user', { name: 'Lan' });
    await waitFor(() => names().includes('Lan'), 'Lan present on b before the outage');
    const admin = new Redis(redis.url);
    try {
      let written = 0;
      const write = () => lan.text.insert(lan.text.length, `${written++};`);
      for (let i = 0; i < 10; i++) write();
      // Every subscriber connection is cut; publishers stay connected, so what a publishes until the
      // subscribers are back reaches nobody: only the store has it.
      await admin.client('KILL', 'TYPE', 'pubsub');
      for (let i = 0; i < 10; i++) write();
      await waitFor(() => minh.text.toString() === lan.text.toString(), 'b caught up', 20_000);
      // Her presence is still shown on b after the outage, well before her renewal (15 s). (Set during the
      // outage instead, it raced b's presence query: a state published while b was unsubscribed and not
      // yet held by a when b asked waits for her renewal.)
      await waitFor(() => names().includes('Lan'), 'Lan present on b', 5_000);
      expect(minh.text.toString()).toContain('19;');
      expect(await metric(b, 'relay_bus_resumes_total')).toBeGreaterThanOrEqual(1);
    } finally {
      admin.disconnect();
    }
  });

  it('closes sockets of a rotated key on the other relay even when the rotation’s message was lost', async () => {
    const onB = open(b);
    await synced(onB);
    const admin = new Redis(redis.url);
    try {
      // The subscriptions are cut, so b misses the rotation's message; it checks every key again on resuming.
      await admin.client('KILL', 'TYPE', 'pubsub');
      const rotated = await fetch(a.httpUrl + rotateKeysPath(club.clubId), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${club.editorKey}` },
        body: JSON.stringify({ editorKey: generateKey(), viewerKey: generateKey() }),
      });
      expect(rotated.status).toBe(200);
      await waitFor(() => onB.closes.some((c) => c.code === CloseCode.keyRevoked), '4410 on b');
    } finally {
      admin.disconnect();
    }
  });

  it('recovers from a Redis restart under load: every edit reaches every client and the store', async () => {
    const lan = open(a);
    const minh = open(b);
    await synced(lan);
    await synced(minh);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        lan.text.insert(lan.text.length, `a${written};`);
        minh.text.insert(minh.text.length, `b${written};`);
        written += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await waitFor(() => written >= 20, 'writing');
    await redis.restart();
    await waitFor(() => written >= 120, 'writing through the restart');
    writing = false;
    await writer;
    await waitFor(() => lan.text.toString() === minh.text.toString(), 'converged after the restart', 20_000);
    await waitFor(() => lan.holdsAll() && minh.holdsAll(), 'both synced');
    for (let i = 0; i < written; i++) {
      expect(lan.text.toString()).toContain(`a${i};`);
      expect(lan.text.toString()).toContain(`b${i};`);
    }
    const stored = await storage.docs.load(club.clubId);
    const fromStore = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(fromStore, update);
    expect(fromStore.getText('t').toString()).toBe(lan.text.toString());
  });
});
