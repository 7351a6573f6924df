import { expect, type Page, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';

// Issue 12 §4: who uses the tablet is switched in the header; when the committee requires it, each person
// sets their own PIN on the tablet and enters it to become its user, and a wrong PIN is said in words,
// with a wait after repeated tries.

/** The name of the sample club's member holding a committee role, read from the roster's badge. */
async function holderOf(page: Page, role: 'Chủ nhiệm' | 'Thư ký'): Promise<string> {
  const row = page.locator('.member-row', {
    has: page.locator('.badge', { hasText: new RegExp(`^${role}$`) }),
  });
  return (await row.first().locator('.member-name').textContent()) ?? '';
}

async function choosePerson(page: Page, name: string): Promise<void> {
  await page.getByTestId('person-switch').click();
  const dialog = page.getByRole('dialog', { name: 'Ai đang dùng máy này?' });
  const people = dialog.getByRole('radiogroup', { name: 'Chọn người dùng' });
  await people.getByText(name, { exact: true }).click();
  await expect(people.getByRole('radio', { name, exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
}

test('the committee turns the PIN on; each person sets theirs, and a wrong one is refused in words', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 800, height: 1280 });
  const app = new ClubApp(page);
  await app.start();
  await app.openSample();
  const chair = await holderOf(page, 'Chủ nhiệm');
  const secretary = await holderOf(page, 'Thư ký');
  expect(chair).not.toBe('');

  // No PIN asked yet: the chair becomes the person using this tablet and turns the rule on.
  await choosePerson(page, chair);
  await expect(page.getByTestId('person-switch')).toHaveAccessibleName(`Người dùng: ${chair}`);
  await page.getByTestId('person-switch').click();
  const dialog = page.getByRole('dialog', { name: 'Ai đang dùng máy này?' });
  await dialog.getByText('Yêu cầu mã PIN khi đổi người dùng và khi ký').click();
  await expect(page.getByText('Đã lưu quy định về mã PIN.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Để sau' }).click();

  // The secretary has no PIN on this tablet: switching asks them to set one, twice.
  await choosePerson(page, secretary);
  const setting = page.getByRole('dialog', { name: `${secretary} đặt mã PIN cho máy này` });
  await setting.getByLabel('Mã PIN (4–6 số)').fill('12');
  await setting.getByRole('button', { name: 'Đặt mã PIN' }).click();
  await expect(setting).toContainText('Mã PIN gồm 4 đến 6 chữ số.');
  await setting.getByLabel('Mã PIN (4–6 số)').fill('2468');
  await setting.getByLabel('Nhập lại mã PIN').fill('2468');
  await setting.getByRole('button', { name: 'Đặt mã PIN' }).click();
  await expect(page.getByTestId('person-switch')).toHaveAccessibleName(`Người dùng: ${secretary}`);

  // The chair sets theirs; then the secretary comes back with a wrong PIN, three times.
  await choosePerson(page, chair);
  const chairPin = page.getByRole('dialog', { name: `${chair} đặt mã PIN cho máy này` });
  await chairPin.getByLabel('Mã PIN (4–6 số)').fill('1357');
  await chairPin.getByLabel('Nhập lại mã PIN').fill('1357');
  await chairPin.getByRole('button', { name: 'Đặt mã PIN' }).click();
  await expect(page.getByTestId('person-switch')).toHaveAccessibleName(`Người dùng: ${chair}`);
  await choosePerson(page, secretary);
  const entering = page.getByRole('dialog', { name: `${secretary} nhập mã PIN` });
  for (const wrong of ['1111', '2222']) {
    await entering.getByLabel('Mã PIN (4–6 số)').fill(wrong);
    await entering.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(entering).toContainText('Mã PIN chưa đúng. Hãy thử lại.');
  }
  await entering.getByLabel('Mã PIN (4–6 số)').fill('3333');
  await entering.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(entering).toContainText(/Mã PIN sai nhiều lần\. Hãy chờ \d+ giây rồi thử lại\./);
  await page.screenshot({ path: test.info().outputPath('pin-wait.png') });
  await entering.getByRole('button', { name: 'Hủy' }).click();
  // Back to the choice of person, which is put aside.
  await page
    .getByRole('dialog', { name: 'Ai đang dùng máy này?' })
    .getByRole('button', { name: 'Để sau' })
    .click();
  // Still the chair's tablet.
  await expect(page.getByTestId('person-switch')).toHaveAccessibleName(`Người dùng: ${chair}`);
  // Nothing of it reached the page's storage in the clear.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('2468');
  expect(stored).not.toContain('1357');

  // Signing asks the signer's PIN too: a wrong one signs nothing, the right one signs.
  await app.goTo('Sinh hoạt');
  await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  const minutes = new MinutesPage(page);
  await minutes.openFromMeeting();
  await minutes.choose('Chủ tọa', chair);
  await minutes.choose('Thư ký (người ghi biên bản)', secretary);
  await page.getByTestId('approval').getByRole('button', { name: 'Chủ tọa ký duyệt' }).click();
  const signing = page.getByRole('dialog', { name: `${chair} nhập mã PIN` });
  await signing.getByLabel('Mã PIN (4–6 số)').fill('9999');
  await signing.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(signing).toContainText('Mã PIN chưa đúng. Hãy thử lại.');
  await signing.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByTestId('signature-chair')).toContainText('Chủ tọa: chưa ký');
  await page.getByTestId('approval').getByRole('button', { name: 'Chủ tọa ký duyệt' }).click();
  await signing.getByLabel('Mã PIN (4–6 số)').fill('1357');
  await signing.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByTestId('signature-chair').locator('[data-signature]')).toHaveAttribute(
    'data-signature',
    'valid',
  );
});
