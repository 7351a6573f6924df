import { type Browser, expect, type Page, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

/** Page model for a Red Cross chapter's register and log. */
class RedCrossPage {
  constructor(readonly page: Page) {}

  /** Picks an option in a Kobalte select (the trigger button, then the option), retrying a lost click. */
  async choose(scope: string | null, field: string, name: string): Promise<void> {
    const root = scope === null ? this.page.locator('body') : this.page.getByTestId(scope);
    const trigger = root.getByRole('button', { name: new RegExp(`^${field}`) });
    await expect(async () => {
      if (!(await this.page.getByRole('listbox').isVisible())) await trigger.click();
      await this.page.getByRole('option', { name, exact: true }).click({ timeout: 2_000 });
      await expect(trigger).toContainText(name, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  async createChapter(app: ClubApp, name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Tạo câu lạc bộ mới' }).click();
    await this.page.getByLabel('Tên của bạn (người dùng máy này)').fill('Nguyễn Thị Hoa');
    await this.page.getByLabel('Tên câu lạc bộ').fill(name);
    await this.page.getByLabel('Xã, phường, thị trấn').fill('xã Nga Thạch');
    await this.choose(null, 'Loại câu lạc bộ', 'Chi hội Chữ thập đỏ');
    await this.page.getByRole('button', { name: 'Tạo câu lạc bộ', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Sổ thành viên' })).toBeVisible();
    await app.expectSaved();
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Chữ thập đỏ', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Chữ thập đỏ', level: 1 })).toBeVisible();
  }

  async register(member: string, skills: readonly string[]): Promise<void> {
    const form = this.page.getByTestId('add-volunteer');
    await this.choose('add-volunteer', 'Hội viên', member);
    for (const skill of skills) await form.getByRole('button', { name: skill, exact: true }).click();
    await form.getByRole('button', { name: 'Thêm vào sổ' }).click();
    await expect(this.volunteer(member)).toBeVisible();
  }

  volunteer(member: string) {
    return this.page.getByTestId('volunteer').filter({ hasText: member });
  }

  async record(kind: string, place: string, participants: string, units?: string): Promise<void> {
    const form = this.page.getByTestId('add-activity');
    await this.choose('add-activity', 'Loại hoạt động', kind);
    await form.getByLabel('Địa điểm').fill(place);
    await form.getByLabel('Số người tham gia').fill(participants);
    if (units !== undefined) await form.getByLabel('Số đơn vị máu thu được').fill(units);
    await form.getByRole('button', { name: 'Ghi vào nhật ký' }).click();
    await expect(this.activities().filter({ hasText: place })).toBeVisible();
  }

  activities() {
    return this.page.getByTestId('activity');
  }

  count(name: 'volunteers' | 'activities' | 'participants' | 'bloodUnits') {
    return this.page.locator(`[data-count="${name}"] dd`).first();
  }
}

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, app: new ClubApp(page), share: new SharePage(page), rc: new RedCrossPage(page) };
}

test('a Red Cross chapter keeps its volunteer register and activity log, and two tablets’ activities both stay', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.rc.createChapter(a.app, 'Chi hội Chữ thập đỏ thôn Đông');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1980' });
  await a.app.addMember({ name: 'Trần Văn Bình', birthYear: '1975', gender: 'Nam' });
  await a.rc.open();

  await a.rc.register('Nguyễn Thị Lan', ['Sơ cấp cứu', 'Hiến máu']);
  await a.rc.register('Trần Văn Bình', ['Cứu hộ']);
  await expect(a.rc.count('volunteers')).toHaveText('2');
  await expect(a.page.locator('[data-skill="firstAid"]')).toHaveText('Sơ cấp cứu: 1');
  // A skill is one tap on the volunteer's row, and one tap takes it off again.
  await a.rc.volunteer('Trần Văn Bình').getByRole('button', { name: 'Cứu trợ của Trần Văn Bình' }).click();
  await expect(a.page.locator('[data-skill="relief"]')).toHaveText('Cứu trợ: 1');

  await a.rc.record('Hiến máu', 'Nhà văn hóa thôn Đông', '42', '38');
  await expect(a.rc.count('bloodUnits')).toHaveText('38');
  await expect(a.rc.count('participants')).toHaveText('42');
  // A count that is not a whole number is said so, and nothing is logged.
  const form = a.page.getByTestId('add-activity');
  await form.getByLabel('Số người tham gia').fill('bốn mươi');
  await form.getByRole('button', { name: 'Ghi vào nhật ký' }).click();
  await expect(form).toContainText('Hãy nhập một số nguyên, ví dụ 42.');
  await expect(a.rc.activities()).toHaveCount(1);
  await a.page.screenshot({ path: testInfo.outputPath('red-cross.png'), fullPage: true });

  const links = await a.share.startSharing();
  await a.share.expectSynced();
  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await b.rc.open();
  await expect(b.rc.volunteer('Nguyễn Thị Lan')).toBeVisible();

  await b.context.setOffline(true);
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');
  await b.rc.record('Cứu trợ', 'Xóm Bãi, sau lũ', '15');
  await a.rc.open();
  await a.rc.record('Tập huấn sơ cấp cứu', 'Trường tiểu học Nga Thạch', '25');
  await expect(b.rc.activities()).toHaveCount(2);

  await b.context.setOffline(false);
  await b.share.expectSynced();
  await a.share.expectSynced();
  for (const t of [a, b]) {
    await expect(t.rc.activities()).toHaveCount(3);
    await expect(t.rc.count('activities')).toHaveText('3');
    await expect(t.rc.count('participants')).toHaveText('82');
    await expect(t.rc.count('bloodUnits')).toHaveText('38');
  }

  // The blood drive's head count corrected on both tablets at once (B offline): both kept until one is chosen.
  const correct = async (t: typeof a, count: string) => {
    const row = t.rc.activities().filter({ hasText: 'Nhà văn hóa thôn Đông' });
    await row.getByRole('button', { name: /^Sửa số liệu hoạt động ngày/ }).click();
    await row.getByTestId('activity-correction').getByLabel('Số người tham gia').fill(count);
    await row.getByRole('button', { name: 'Lưu số liệu' }).click();
    await expect(row).toContainText(`${count} người tham gia`);
  };
  await b.context.setOffline(true);
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');
  await correct(b, '45');
  await correct(a, '48');
  await b.context.setOffline(false);
  await b.share.expectSynced();
  await a.share.expectSynced();
  for (const t of [a, b]) {
    const conflict = t.page.locator('[data-testid="member-conflict"][data-field="participants"]');
    await expect(conflict).toContainText('Số người tham gia: hai máy ghi khác nhau');
    await expect(conflict.getByRole('button', { name: 'Giữ 45' })).toBeVisible();
  }
  await a.page.getByRole('button', { name: 'Giữ 48' }).click();
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('member-conflict')).toHaveCount(0);
    await expect(t.rc.count('participants')).toHaveText('88');
  }

  // A volunteer who stops leaves the count; the register keeps them under "đã thôi".
  await a.rc
    .volunteer('Trần Văn Bình')
    .getByRole('button', { name: 'Trần Văn Bình thôi tham gia từ hôm nay' })
    .click();
  await expect(a.rc.count('volunteers')).toHaveText('1');
  await expect(b.rc.count('volunteers')).toHaveText('1');
  await b.page.screenshot({ path: testInfo.outputPath('red-cross-b.png'), fullPage: true });

  // A supervisor following the chapter by its viewer invite sees its counts in the table, never a name.
  const s = await tablet(browser);
  await s.share.joinAsViewer(links.viewer, 'Cán bộ xã Nga Thạch');
  const row = s.page.getByTestId('supervisor-row').filter({ hasText: 'Chi hội Chữ thập đỏ thôn Đông' });
  await expect(row.getByTestId('supervisor-red-cross').getByRole('listitem')).toHaveText(
    [
      '1 tình nguyện viên',
      'Hiến máu: 1 lần',
      'Thu được 38 đơn vị máu',
      'Cứu trợ: 1 lần',
      'Tập huấn sơ cấp cứu: 1 lớp',
    ],
    { timeout: 30_000 },
  );
  await expect(s.page.getByText('Nguyễn Thị Lan')).toHaveCount(0);
  await s.page.screenshot({ path: testInfo.outputPath('red-cross-supervisor.png'), fullPage: true });
  for (const t of [a, b, s]) await t.context.close();
});

test('another kind of club has no Red Cross tab', async ({ browser }) => {
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Tây');
  await expect(
    a.page.getByRole('navigation').getByRole('link', { name: 'Sinh hoạt', exact: true }),
  ).toBeVisible();
  await expect(
    a.page.getByRole('navigation').getByRole('link', { name: 'Chữ thập đỏ', exact: true }),
  ).toHaveCount(0);
  await a.context.close();
});
