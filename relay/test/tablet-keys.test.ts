/**
 * Each tablet's own key (issue 12 §6), with real y-websocket clients against real relays: the exchange of
 * the invite key, revoking one tablet while the others sync on, rotations that leave tablets alone, and a
 * revocation reaching a second relay process through Redis with the registry in PostgreSQL.
 */
import {
  CloseCode,
  generateKey,
  parseTabletList,
  revokeTabletPath,
  rotateKeysPath,
  tabletsPath,
} from '@chungtay/protocol';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRelay, startRelay } from '../src/app';
import { RedisRoomBus } from '../src/room/redis-bus';
import { openPostgresStorage } from '../src/store/postgres-doc-store';
import {
  connectClient,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestRelay,
  testConfig,
  waitFor,
} from './helpers';
import { usePostgresServer } from './support/postgres-server';
import { type RedisServer, startRedisServer } from './support/redis-server';

const clients: TestClient[] = [];
const open = (syncUrl: string, name: string, key: string) => {
  const client = connectClient(syncUrl, name, key);
  clients.push(client);
  return client;
};
const closedWith = (client: TestClient, code: number) =>
  waitFor(() => client.closes.some((c) => c.code === code), `close ${code}`);
const connected = (client: TestClient) => waitFor(() => client.provider.wsconnected, 'connected');

async function call(httpUrl: string, path: string, bearer: string, body?: unknown) {
  const response = await fetch(httpUrl + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** What the app does on join: make a key, exchange the invite's key for it. */
async function joinAsTablet(httpUrl: string, clubId: string, inviteKey: string, tabletId: string) {
  const tabletKey = generateKey();
  const answer = await call(httpUrl, tabletsPath(clubId), inviteKey, { tabletId, tabletKey, person: '' });
  expect(answer.status).toBe(201);
  return tabletKey;
}

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

describe('tablet keys on one relay', () => {
  let relay: TestRelay;
  afterEach(() => relay.close());

  it('exchanges the invite key for a tablet key that syncs, and lists the tablet with when it was seen', async () => {
    relay = await startTestRelay();
    const club = await registerClub(relay.httpUrl);
    const lanKey = await joinAsTablet(relay.httpUrl, club.clubId, club.editorKey, 'tablet-lan-01');
    const lan = open(relay.syncUrl, club.clubId, lanKey);
    const creator = open(relay.syncUrl, club.clubId, club.editorKey);
    lan.text.insert(0, 'Lan ghi');
    await waitFor(() => creator.text.toString() === 'Lan ghi', 'the edit at the invite-key tablet');

    // The same tablet again (a retry, or a person chosen later) with its own key: an update, not a new tablet.
    const again = await call(relay.httpUrl, tabletsPath(club.clubId), lanKey, {
      tabletId: 'tablet-lan-01',
      tabletKey: lanKey,
      person: 'member-lan-0001',
    });
    expect(again).toEqual({ status: 200, body: { result: 'updated' } });
    // Its own key speaks for it alone: it cannot bring in another tablet.
    const other = { tabletId: 'tablet-xyz-01', tabletKey: generateKey(), person: '' };
    expect((await call(relay.httpUrl, tabletsPath(club.clubId), lanKey, other)).status).toBe(401);
    // A viewer key neither lists nor registers tablets.
    expect((await call(relay.httpUrl, tabletsPath(club.clubId), club.viewerKey)).status).toBe(401);

    const list = parseTabletList((await call(relay.httpUrl, tabletsPath(club.clubId), club.editorKey)).body);
    expect(list?.tablets.map((t) => [t.tabletId, t.person, t.revokedAt])).toEqual([
      ['tablet-lan-01', 'member-lan-0001', null],
    ]);
    expect(list?.tablets[0]?.lastSeenAt).toBeGreaterThan(0);
  });

  it('revokes one tablet with 4411 and refuses it after, while the other tablet and the invite key go on', async () => {
    relay = await startTestRelay();
    const club = await registerClub(relay.httpUrl);
    const lanKey = await joinAsTablet(relay.httpUrl, club.clubId, club.editorKey, 'tablet-lan-01');
    const hoaKey = await joinAsTablet(relay.httpUrl, club.clubId, club.editorKey, 'tablet-hoa-01');
    const lan = open(relay.syncUrl, club.clubId, lanKey);
    const lanHealth = open(relay.syncUrl, `${club.clubId}/health`, lanKey);
    const hoa = open(relay.syncUrl, club.clubId, hoaKey);
    await Promise.all([connected(lan), connected(lanHealth), connected(hoa)]);

    const revoked = await call(relay.httpUrl, revokeTabletPath(club.clubId, 'tablet-lan-01'), hoaKey, {});
    expect(revoked).toEqual({ status: 200, body: { result: 'revoked' } });
    await Promise.all([
      closedWith(lan, CloseCode.tabletRevoked),
      closedWith(lanHealth, CloseCode.tabletRevoked),
    ]);
    expect(hoa.closes).toEqual([]);

    const retry = open(relay.syncUrl, club.clubId, lanKey);
    await closedWith(retry, CloseCode.tabletRevoked);
    // Cut off, it cannot come back under its id, nor list or revoke anything.
    const back = { tabletId: 'tablet-lan-01', tabletKey: lanKey, person: '' };
    expect((await call(relay.httpUrl, tabletsPath(club.clubId), club.editorKey, back)).status).toBe(409);
    expect((await call(relay.httpUrl, tabletsPath(club.clubId), lanKey)).status).toBe(410);

    const newcomer = open(relay.syncUrl, club.clubId, club.editorKey);
    hoa.text.insert(0, 'Hoa vẫn đồng bộ');
    await waitFor(() => newcomer.text.toString() === 'Hoa vẫn đồng bộ', 'the edit past the revocation');
    expect(lan.text.toString()).toBe('');
    expect(
      (await call(relay.httpUrl, revokeTabletPath(club.clubId, 'tablet-none-01'), hoaKey, {})).status,
    ).toBe(404);
  });

  it('rotating the invite keys closes the invite-key sockets with 4410 and leaves tablet keys syncing', async () => {
    relay = await startTestRelay();
    const club = await registerClub(relay.httpUrl);
    const lanKey = await joinAsTablet(relay.httpUrl, club.clubId, club.editorKey, 'tablet-lan-01');
    const lan = open(relay.syncUrl, club.clubId, lanKey);
    const old = open(relay.syncUrl, club.clubId, club.editorKey);
    await Promise.all([connected(lan), connected(old)]);
    const nextKey = generateKey();
    const rotated = await call(relay.httpUrl, rotateKeysPath(club.clubId), club.editorKey, {
      editorKey: nextKey,
      viewerKey: generateKey(),
    });
    expect(rotated.status).toBe(200);
    await closedWith(old, CloseCode.keyRevoked);
    const fresh = open(relay.syncUrl, club.clubId, nextKey);
    lan.text.insert(0, 'sau khi đổi khóa');
    await waitFor(() => fresh.text.toString() === 'sau khi đổi khóa', 'the tablet key still syncing');
    expect(lan.closes).toEqual([]);
  });
});

describe('a stolen tablet, cut off and the invite keys changed (what the share screen does)', () => {
  let relay: TestRelay;
  afterEach(() => relay.close());

  it('can neither sync nor join again with the invite key it kept, while the other tablets sync on', async () => {
    relay = await startTestRelay();
    const club = await registerClub(relay.httpUrl);
    const lostKey = await joinAsTablet(relay.httpUrl, club.clubId, club.editorKey, 'tablet-lost-01');
    const hoaKey = await joinAsTablet(relay.httpUrl, club.clubId, club.editorKey, 'tablet-hoa-01');
    const binhKey = await joinAsTablet(relay.httpUrl, club.clubId, club.editorKey, 'tablet-binh-01');
    const binh = open(relay.syncUrl, club.clubId, binhKey);
    await connected(binh);

    const revoked = await call(relay.httpUrl, revokeTabletPath(club.clubId, 'tablet-lost-01'), hoaKey, {});
    expect(revoked.status).toBe(200);
    const nextKey = generateKey();
    const rotate = { editorKey: nextKey, viewerKey: generateKey() };
    expect((await call(relay.httpUrl, rotateKeysPath(club.clubId), club.editorKey, rotate)).status).toBe(200);

    // The stolen tablet still holds the old invite key: it opens nothing and registers no new tablet with it.
    const stolen = open(relay.syncUrl, club.clubId, club.editorKey);
    await closedWith(stolen, CloseCode.keyRevoked);
    const rejoin = { tabletId: 'tablet-new-01', tabletKey: generateKey(), person: '' };
    expect((await call(relay.httpUrl, tabletsPath(club.clubId), club.editorKey, rejoin)).status).toBe(410);
    expect((await call(relay.httpUrl, tabletsPath(club.clubId), lostKey, rejoin)).status).toBe(410);

    // Hoa's and Bình's own keys go on; a newcomer joins with the new invite only.
    const hoa = open(relay.syncUrl, club.clubId, hoaKey);
    hoa.text.insert(0, 'Hoa vẫn đồng bộ');
    await waitFor(() => binh.text.toString() === 'Hoa vẫn đồng bộ', 'the other tablets syncing on');
    expect(binh.closes).toEqual([]);
    await joinAsTablet(relay.httpUrl, club.clubId, nextKey, 'tablet-new-02');
  });
});

describe('tablet keys across relay processes (PostgreSQL registry, Redis bus)', () => {
  const postgres = usePostgresServer();
  let redis: RedisServer;
  const running: RunningRelay[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  }, 60_000);
  afterAll(() => redis.stop());
  afterEach(async () => {
    for (const relay of running.splice(0)) await relay.close();
  });

  it("a revocation on one relay closes the tablet's sockets on the other; the other tablet syncs on", async () => {
    const url = await postgres.createDatabase();
    const logger = pino({ level: 'silent' });
    const start = async () => {
      const relay = await startRelay(
        testConfig(),
        await openPostgresStorage(url),
        logger,
        await RedisRoomBus.connect(redis.url, logger),
      );
      running.push(relay);
      return { httpUrl: `http://127.0.0.1:${relay.port}`, syncUrl: `ws://127.0.0.1:${relay.port}/sync` };
    };
    const [a, b] = [await start(), await start()];
    const club = await registerClub(a.httpUrl);
    const lanKey = await joinAsTablet(a.httpUrl, club.clubId, club.editorKey, 'tablet-lan-01');
    const hoaKey = await joinAsTablet(b.httpUrl, club.clubId, club.editorKey, 'tablet-hoa-01');
    const lan = open(b.syncUrl, club.clubId, lanKey);
    const hoa = open(b.syncUrl, club.clubId, hoaKey);
    const watcher = open(a.syncUrl, club.clubId, club.editorKey);
    await Promise.all([connected(lan), connected(hoa), connected(watcher)]);

    expect(
      (await call(a.httpUrl, revokeTabletPath(club.clubId, 'tablet-lan-01'), club.editorKey, {})).status,
    ).toBe(200);
    await closedWith(lan, CloseCode.tabletRevoked);
    await closedWith(open(b.syncUrl, club.clubId, lanKey), CloseCode.tabletRevoked);
    hoa.text.insert(0, 'qua hai máy chủ');
    await waitFor(() => watcher.text.toString() === 'qua hai máy chủ', 'the edit across relays');
    expect(hoa.closes).toEqual([]);
  });
});
