import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** ../shared/toolchain.md section 5: the flags this machine's Chromium needs under Lighthouse. */
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run';

export interface LighthouseResult {
  performance: number;
  fcpMs: number;
  lcpMs: number;
  version: string;
}

/**
 * The pinned Lighthouse (e2e's devDependency, 12.8.2) through its CLI, with its defaults: a mobile device
 * with simulated slow 4G and 4× CPU, a fresh profile (a first visit, no service worker, empty caches).
 */
export async function lighthouse(url: string): Promise<LighthouseResult> {
  const dir = await mkdtemp(join(tmpdir(), 'chungtay-lighthouse-'));
  try {
    const out = join(dir, 'report.json');
    await promisify(execFile)(
      join(import.meta.dirname, '../node_modules/.bin/lighthouse'),
      [
        url,
        `--chrome-flags=${CHROME_FLAGS}`,
        '--only-categories=performance',
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        timeout: 180_000,
      },
    );
    const report = JSON.parse(await readFile(out, 'utf8')) as {
      lighthouseVersion: string;
      runtimeError?: { message: string };
      categories: { performance: { score: number | null } };
      audits: Record<string, { numericValue?: number }>;
    };
    if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`);
    return {
      performance: report.categories.performance.score ?? Number.NaN,
      fcpMs: report.audits['first-contentful-paint']?.numericValue ?? Number.NaN,
      lcpMs: report.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      version: report.lighthouseVersion,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
