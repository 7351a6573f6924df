import type { Page } from '@playwright/test';

const STATUSES = ['present', 'absent', 'excused'] as const;

/**
 * Tap-to-paint on a meeting's attendance screen (client/src/features/meetings/meeting-page.tsx): for each
 * tap, a member's mark is changed to another status by a click on its label; the time runs from the
 * pointerup that makes the click (the pointerdown, should the screen answer before the finger lifts) to the
 * animation frame after the choice shows as checked (Kobalte's `data-checked` on the radio item). Rows are
 * spread over the list, so a tap at the end of a long list counts as much as one at the top. The page must
 * show the meeting already; returns one duration per tap, in ms.
 */
export async function attendanceTaps(page: Page, taps: number): Promise<number[]> {
  const rows = await page.locator('.attendance-row').count();
  if (rows === 0) throw new Error('no attendance rows on the meeting page');
  await page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    for (const type of ['pointerdown', 'pointerup']) {
      document.addEventListener(
        type,
        (e) => {
          w[`__${type}`] = e.timeStamp;
        },
        { capture: true },
      );
    }
  });
  const times: number[] = [];
  for (let i = 0; i < taps; i++) {
    const row = page.locator('.attendance-row').nth((i * 37 + 11) % rows);
    const current = await row.locator('.choice[data-checked]').getAttribute('class');
    const next = STATUSES.find((s) => !current?.includes(`choice-${s}`)) ?? 'present';
    const item = row.locator(`.choice-${next}`);
    await item.scrollIntoViewIfNeeded();
    await item.evaluate((el) => {
      const w = window as unknown as Record<string, unknown>;
      // This tap's pointer events only, not the last tap's.
      w.__pointerdown = undefined;
      w.__pointerup = undefined;
      w.__tap = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!el.hasAttribute('data-checked')) return;
          observer.disconnect();
          const shown = performance.now();
          const down = w.__pointerdown as number | undefined;
          const up = w.__pointerup as number | undefined;
          const start = up !== undefined && up <= shown ? up : (down ?? Number.NaN);
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(el, { attributes: true, attributeFilter: ['data-checked'] });
      });
    });
    // A press and release at the label's centre, as a finger: Playwright's click() first checks that the
    // point hits the element (elementsFromPoint, from listeners on the pointer events themselves), which
    // costs more with every row of the page and fell inside the measured time.
    const box = await item.locator('.choice-label').boundingBox();
    if (!box) throw new Error('the attendance choice is not on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    times.push(await page.evaluate(() => (window as unknown as { __tap: Promise<number> }).__tap));
    // The edit's IndexedDB write settles before the next tap, as between two real taps: the header says
    // "saved" only once IndexedDB completed it.
    await page.waitForFunction(
      () => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'saved',
    );
  }
  return times;
}
