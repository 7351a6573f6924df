import { expect, type Locator, type Page } from '@playwright/test';

/** Page model for a meeting's health-check screen (Đo sức khỏe). */
export class HealthCheckPage {
  constructor(readonly page: Page) {}

  /** From a meeting's page, through its "Đo sức khỏe" link: one tap. */
  async openFromMeeting(): Promise<void> {
    await this.page.getByRole('link', { name: 'Đo sức khỏe', exact: true }).click();
    await this.expectOpen();
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: /^Đo sức khỏe ·/ })).toBeVisible({ timeout: 20_000 });
    await expect(this.page.getByTestId('health-check-counts')).toBeVisible({ timeout: 20_000 });
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="health-check-row"][data-member="${name}"]`);
  }

  rows(): Locator {
    return this.page.getByTestId('health-check-row');
  }

  field(name: string, measure: 'weightKg' | 'systolic' | 'diastolic' | 'glucoseMmol'): Locator {
    return this.row(name).locator(`input[data-measure="${measure}"]`);
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.locator('[data-health-save]')).toHaveAttribute('data-health-save', 'saved');
  }
}

/** Counts pointer presses (taps and clicks) on the page from now on; keys do not count. */
export async function startTapCount(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counter = { taps: 0 };
    (window as unknown as { tapCounter: typeof counter }).tapCounter = counter;
    document.addEventListener('pointerdown', () => counter.taps++, { capture: true });
  });
  return () => page.evaluate(() => (window as unknown as { tapCounter: { taps: number } }).tapCounter.taps);
}
