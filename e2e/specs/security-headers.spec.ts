import { expect, test } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../chromium-flags';
import { ClubApp, SharePage } from '../pages/club-app';

/**
 * The relay's security headers (relay/src/security-headers.ts) with the real app in Chromium: every screen
 * this walk reaches runs under the Content-Security-Policy with no violation and no console error, the QR
 * scanner gets the camera its Permissions-Policy allows, and the policy is really enforced (an injected
 * inline script is blocked and reported).
 */
test.use({
  // A fake camera that grants itself, so the scanner's getUserMedia answers without a prompt.
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
  permissions: ['camera'],
});

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

test('the app runs under the relay CSP: create a club, share it, open the QR scanner', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample }),
    );
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);

  const first = await page.goto('/');
  const headers = first?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['permissions-policy']).toContain('camera=(self)');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');

  const app = new ClubApp(page);
  await expect(page.getByRole('button', { name: 'Tạo câu lạc bộ mới' })).toBeVisible();
  await app.createClub('CLB Người cao tuổi thôn Đông');
  await app.addMember({ name: 'Trần Văn Minh', birthYear: '1950' });
  // Sharing registers with the relay, connects its WebSocket and draws the invite's QR code.
  const links = await new SharePage(page).startSharing();
  expect(links.editor).toContain('#');
  await expect(page.getByTestId('editor-invite').locator('svg').first()).toBeVisible();
  await app.waitForServiceWorker();

  await page.goto('/join');
  await page.getByRole('button', { name: 'Quét mã QR bằng máy ảnh' }).click();
  // The fake camera's frames reach the video: getUserMedia was allowed by camera=(self).
  await expect
    .poll(() => page.locator('video.qr-video').evaluate((video: HTMLVideoElement) => video.videoWidth))
    .toBeGreaterThan(0);
  await expect(page.getByText('Không mở được máy ảnh')).toHaveCount(0);
  await page.getByRole('button', { name: 'Dừng quét' }).click();

  expect(await violations()).toEqual([]);
  expect(consoleErrors).toEqual([]);

  // The policy is enforced, not merely sent: an injected inline script does not run, and is reported.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true';
    document.body.append(script);
    return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await violations()).map((v) => v.directive)).toContain('script-src-elem');
});
