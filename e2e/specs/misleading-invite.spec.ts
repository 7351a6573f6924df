import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

// A second, real relay: the server a forged invite points to. Started the way playwright.config.ts starts
// the main one, on its own port and with its own SQLite store.
const OTHER_PORT = Number(process.env.E2E_PORT ?? 4173) + 11;
const OTHER = `http://127.0.0.1:${OTHER_PORT}`;
const OTHER_DATA = resolve(import.meta.dirname, '../.data/e2e-misleading');
let otherRelay: ChildProcess | undefined;

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  await rm(OTHER_DATA, { recursive: true, force: true });
  otherRelay = spawn('pnpm', ['--dir', resolve(import.meta.dirname, '../../relay'), 'start'], {
    env: {
      ...process.env,
      PORT: String(OTHER_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: OTHER_DATA,
      LOG_LEVEL: 'warn',
    },
    // Its own process group, so that closing it ends pnpm and the node process under it.
    detached: true,
    stdio: 'ignore',
  });
  await expect
    .poll(async () => (await request.get(`${OTHER}/healthz`).catch(() => null))?.ok() ?? false, {
      timeout: 90_000,
    })
    .toBe(true);
});

test.afterAll(() => {
  if (otherRelay?.pid) process.kill(-otherRelay.pid, 'SIGTERM');
});

/** One figure from the other relay's /metrics (0 when it has no line yet). */
async function otherMetric(request: APIRequestContext, name: string): Promise<number> {
  const text = await (await request.get(`${OTHER}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

/** A sum over every labelled line of a counter (refusals by reason). */
async function otherMetricSum(request: APIRequestContext, name: string): Promise<number> {
  const text = await (await request.get(`${OTHER}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`))
    .reduce((sum, l) => sum + Number(l.split(' ')[1]), 0);
}

test('a forged editor invite for a club held here warns first, and declining sends nothing to its server', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const app = new ClubApp(page);
  const share = new SharePage(page);
  await app.start();
  await app.createClub('CLB Người cao tuổi thôn Đông', 'Nguyễn Thị Hoa');
  await app.addMember({ name: 'Lê Thị Cúc', birthYear: '1948' });
  const links = await share.startSharing();
  await share.expectSynced();
  const clubId = new URLSearchParams(links.viewer.split('#')[1]).get('c') ?? '';
  expect(clubId).not.toBe('');
  // The club's keys on this tablet (opening the club refreshes its other fields, not these).
  const heldAccess = () =>
    page.evaluate(() => JSON.parse(localStorage.getItem('chungtay.clubs') ?? '[]')[0]?.access ?? null);
  const held = await heldAccess();
  expect(held?.role).toBe('editor');

  // The club id is in every viewer link: the forger registers it on their server with a key of their own,
  // so that server would accept the tablet and say "synced".
  const forgedKey = randomBytes(32).toString('base64url');
  const registered = await request.post(`${OTHER}/api/clubs/${clubId}/register`, {
    data: { editorKey: forgedKey, viewerKey: randomBytes(32).toString('base64url') },
  });
  expect(registered.ok()).toBe(true);
  const forged = `${new URL(links.viewer).origin}/join#c=${clubId}&k=${forgedKey}&r=e&n=${encodeURIComponent(
    'CLB Người cao tuổi thôn Đông',
  )}&s=${encodeURIComponent(OTHER)}`;

  await page.goto(forged);
  const warning = page.getByTestId('join-held-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(`sang ${OTHER}`);
  await expect(warning).toContainText('sức khỏe');
  await expect(page.getByRole('button', { name: 'Tham gia', exact: true })).toHaveCount(0);
  // SCREENS_DIR=<dir> keeps a picture of the warning, to look at the screen (not an assertion).
  if (process.env.SCREENS_DIR)
    await page.screenshot({ path: `${process.env.SCREENS_DIR}/misleading-invite.png` });
  // Nothing has reached the other server while the warning is up: no socket, no message, no refusal.
  expect(await otherMetric(request, 'relay_connections')).toBe(0);
  expect(await otherMetric(request, 'relay_messages_received_total')).toBe(0);
  expect(await otherMetricSum(request, 'relay_connections_refused_total')).toBe(0);

  await page.getByLabel('Tên của bạn (người dùng máy này)').fill('Nguyễn Thị Hoa');
  await page.getByRole('button', { name: 'Không đổi, giữ như cũ' }).click();
  await expect(page.getByRole('heading', { name: 'Sổ thành viên' })).toBeVisible();
  await expect(app.memberLink('Lê Thị Cúc')).toBeVisible();
  // Still syncing with its own relay, with its own keys, and the other server still heard nothing.
  await share.expectSynced();
  expect(await page.evaluate(() => localStorage.getItem('chungtay.relay'))).toBeNull();
  expect(await heldAccess()).toEqual(held);
  expect(await otherMetric(request, 'relay_connections')).toBe(0);
  expect(await otherMetric(request, 'relay_messages_received_total')).toBe(0);
  expect(await otherMetric(request, 'relay_documents_in_memory')).toBe(0);

  // Agreeing is what moves the club: the same figures now count the tablet's connection, which shows
  // that they would have seen one above.
  await page.goto(forged);
  await page.getByLabel('Tên của bạn (người dùng máy này)').fill('Nguyễn Thị Hoa');
  await page.getByRole('button', { name: 'Đồng ý đổi' }).click();
  await expect(page.getByRole('heading', { name: 'Sổ thành viên' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('chungtay.relay'))).toBe(OTHER);
  await expect
    .poll(() => otherMetric(request, 'relay_messages_received_total'), { timeout: 20_000 })
    .toBeGreaterThan(0);

  await context.close();
});
