import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../chromium-flags';
import { ClubApp } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';

// Lighthouse attaches to this test's own Chromium, so the screens it audits hold the club made here.
const DEBUG_PORT = 9337;

interface Audit {
  score: number | null;
  title: string;
  details?: { items?: { node?: { snippet?: string } }[] };
}

/** Lighthouse 12.8.2's accessibility audit of one URL, in the tablet's storage (no reset). */
async function audit(url: string, dir: string): Promise<{ score: number; failing: string[] }> {
  const out = join(dir, `${url.replace(/\W+/g, '-')}.json`);
  await promisify(execFile)(
    join(import.meta.dirname, '../node_modules/.bin/lighthouse'),
    [
      url,
      `--port=${DEBUG_PORT}`,
      '--disable-storage-reset',
      '--only-categories=accessibility',
      '--form-factor=desktop',
      '--screenEmulation.width=800',
      '--screenEmulation.height=1280',
      '--screenEmulation.mobile=false',
      '--screenEmulation.deviceScaleFactor=1',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { timeout: 120_000 },
  );
  const report = JSON.parse(await readFile(out, 'utf8')) as {
    runtimeError?: { message: string };
    categories: { accessibility: { score: number | null } };
    audits: Record<string, Audit>;
  };
  if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`);
  const failing = Object.entries(report.audits)
    .filter(([, a]) => a.score !== null && a.score < 1)
    .map(([id, a]) => `${id}: ${a.details?.items?.map((i) => i.node?.snippet).join(' | ') ?? a.title}`);
  return { score: report.categories.accessibility.score ?? 0, failing };
}

test('every main screen scores 1.0 in Lighthouse’s accessibility audit', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(join(tmpdir(), 'chungtay-a11y-'));
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${DEBUG_PORT}`],
    viewport: { width: 800, height: 1280 },
    locale: 'vi-VN',
    baseURL: baseURL ?? '',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const app = new ClubApp(page);
    const minutes = new MinutesPage(page);
    await app.start();
    await app.createClub('CLB Liên thế hệ tự giúp nhau thôn Đông Hòa', 'Nguyễn Thị Hoa');
    const roster = page.url();
    await app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956', phone: '0986076324' });
    await app.goTo('Sinh hoạt');
    await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
    const meeting = page.url();
    await app.markAttendance('Nguyễn Thị Lan', 'Có mặt');
    await minutes.openFromMeeting();
    await minutes.addItem('Khai mạc');
    const minutesUrl = page.url();
    await app.expectSaved();

    const scores: Record<string, { score: number; failing: string[] }> = {};
    for (const [screen, url] of [
      ['start', new URL('/', roster).href],
      ['roster', roster],
      ['meeting', meeting],
      ['minutes', minutesUrl],
    ] as const) {
      scores[screen] = await audit(url, dir);
    }
    expect(scores).toEqual({
      start: { score: 1, failing: [] },
      roster: { score: 1, failing: [] },
      meeting: { score: 1, failing: [] },
      minutes: { score: 1, failing: [] },
    });
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
