import { type Browser, expect, type Page, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, app: new ClubApp(page), share: new SharePage(page), money: new MoneyScreens(page) };
}

/** dd/mm/yyyy of today shifted by whole months, as the treasurer types it. */
function typedDate(monthsAgo: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - monthsAgo);
  return `01/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** Page model of the money screens (Quỹ): one method per thing the treasurer does. */
class MoneyScreens {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Quỹ', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Quỹ', exact: true })).toBeVisible();
  }

  fundCash(fund: string) {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: fund }) })
      .getByTestId('fund-cash');
  }

  async openCashBook(fund: string): Promise<void> {
    await this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: fund }) })
      .getByRole('link', { name: 'Xem sổ quỹ' })
      .click();
    await expect(this.page.getByRole('heading', { name: `Sổ quỹ: ${fund}` })).toBeVisible();
  }

  async record(kind: string, amount: string, date: string): Promise<void> {
    await this.page.getByRole('button', { name: '+ Ghi thu chi' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Loại/ }).click();
    await this.page.locator('.select-item', { hasText: kind }).click();
    await dialog.getByLabel('Số tiền (đồng)').fill(amount);
    await dialog.getByLabel('Ngày').fill(date);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
  }

  async lend(member: string, amount: string, startOn: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Cho vay', exact: true }).click();
    await this.page.getByRole('link', { name: '+ Cho vay mới' }).click();
    const form = this.page.getByTestId('new-loan');
    await form.getByRole('combobox').fill(member.split(' ').pop() ?? member);
    await this.page.getByRole('option', { name: member }).click();
    await expect(form.getByText(`Người vay: ${member}`)).toBeVisible();
    await form.getByLabel('Số tiền vay (đồng)').fill(amount);
    await form.getByLabel('Ngày giải ngân').fill(startOn);
    await expect(form.getByTestId('schedule')).toBeVisible();
    await form.getByRole('button', { name: 'Giải ngân và ghi sổ' }).click();
    await expect(this.page.getByRole('heading', { name: `Khoản vay của ${member}` })).toBeVisible();
  }
}

test('a loan paid out, repaid on two tablets while both are offline: both repayments kept and the balance right; the same repayment twice is flagged and reversed; a viewer key never opens the book', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  const links = await a.share.startSharing();
  await a.share.expectSynced();

  await a.money.open();
  await a.money.openCashBook('Quỹ tăng thu nhập');
  await a.money.record('Vốn ban đầu', '20 triệu', typedDate(3));
  await expect(a.page.getByTestId('cash-book-closing')).toHaveText('20.000.000 đ');
  // Typed as the treasurer writes it; the schedule is shown before it is saved.
  await a.money.lend('Nguyễn Thị Lan', '2.000.000', typedDate(2));
  await expect(a.page.getByTestId('loan-outstanding')).toHaveText('2.000.000 đ');
  await a.share.expectSynced();

  // The second tablet joins and opens the money book while online, then both lose the signal.
  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await b.app.waitForServiceWorker();
  await b.money.open();
  await expect(b.money.fundCash('Quỹ tăng thu nhập')).toHaveText('18.000.000 đ');
  await b.page.getByRole('link', { name: 'Cho vay', exact: true }).click();
  await b.page.getByTestId('loan-row').click();
  await expect(b.page.getByTestId('loan-outstanding')).toHaveText('2.000.000 đ');
  await a.app.waitForServiceWorker();

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  // A takes the two months' interest filled in (0,5 % of 2.000.000 a month) with its principal; B, principal only.
  for (const [t, principal, interest] of [
    [a, '300.000', '20.000'],
    [b, '200000', ''],
  ] as const) {
    await t.page.getByRole('button', { name: 'Ghi trả nợ' }).click();
    const dialog = t.page.getByRole('dialog');
    await expect(dialog.getByLabel('Trả lãi (đồng)')).toHaveValue('20.000');
    await dialog.getByLabel('Trả gốc (đồng)').fill(principal);
    await dialog.getByLabel('Trả lãi (đồng)').fill(interest);
    await dialog.getByRole('button', { name: 'Ghi' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(a.page.getByTestId('loan-outstanding')).toHaveText('1.700.000 đ');
  await expect(b.page.getByTestId('loan-outstanding')).toHaveText('1.800.000 đ');

  await a.context.setOffline(false);
  await b.context.setOffline(false);
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('loan-outstanding')).toHaveText('1.500.000 đ', { timeout: 30_000 });
    await expect(t.page.getByTestId('loan-history').getByText('Trả nợ gốc')).toHaveCount(2);
    await t.page.getByRole('link', { name: 'Các quỹ', exact: true }).click();
    // 20.000.000 − 2.000.000 paid out + 300.000 + 20.000 from A + 200.000 from B.
    await expect(t.money.fundCash('Quỹ tăng thu nhập')).toHaveText('18.520.000 đ');
  }

  // The same repayment entered on both tablets offline is kept twice and flagged, never merged in silence;
  // the treasurer reverses one and the flag goes on both.
  for (const t of [a, b]) {
    await t.page.getByRole('link', { name: 'Cho vay', exact: true }).click();
    await t.page.getByTestId('loan-row').click();
  }
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  for (const t of [a, b]) {
    await t.page.getByRole('button', { name: 'Ghi trả nợ' }).click();
    const dialog = t.page.getByRole('dialog');
    await dialog.getByLabel('Trả gốc (đồng)').fill('100.000');
    await dialog.getByLabel('Trả lãi (đồng)').fill('');
    await dialog.getByRole('button', { name: 'Ghi' }).click();
    await expect(dialog).toBeHidden();
  }
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('loan-outstanding')).toHaveText('1.300.000 đ', { timeout: 30_000 });
    await t.page.getByRole('link', { name: 'Các quỹ', exact: true }).click();
    await expect(t.page.getByTestId('duplicates')).toContainText(
      '2 lần: Trả nợ gốc 100.000 đ · Nguyễn Thị Lan',
    );
  }
  await a.page.getByRole('button', { name: 'Điều chỉnh một khoản' }).click();
  await a.page.getByRole('dialog').getByLabel('Lý do điều chỉnh').fill('Hai máy cùng ghi một lần trả');
  await a.page.getByRole('dialog').getByRole('button', { name: 'Ghi điều chỉnh' }).click();
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('duplicates')).toBeHidden({ timeout: 30_000 });
    await expect(t.money.fundCash('Quỹ tăng thu nhập')).toHaveText('18.620.000 đ');
  }

  // A viewer key never opens the money book: the screen says it is the committee's.
  const v = await tablet(browser);
  // It lands on the supervisors' screen (totals only): open the money address directly.
  const clubPath = new URL(a.page.url()).pathname.split('/').slice(0, 3).join('/');
  await v.share.joinAsViewer(links.viewer, 'Cán bộ xã');
  await v.page.goto(`${clubPath}/money`);
  // Either the money screen says the book is the committee's, or the viewer's club pages lead to the
  // supervisors' totals: in neither is a figure of the book shown.
  const refused = v.page
    .getByTestId('money-private')
    .or(v.page.getByRole('heading', { name: 'Các câu lạc bộ theo dõi' }));
  await expect(refused).toBeVisible();
  await expect(v.page.getByTestId('fund-cash')).toHaveCount(0);
  for (const t of [a, b, v]) await t.context.close();
});

test('meeting day: 20 members pay as due in one tap each, and the cash count matches', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.openSample();
  const names = (await a.page.locator('.member-name').allTextContents()).slice(0, 20);
  expect(names).toHaveLength(20);

  await a.money.open();
  await a.money.openCashBook('Quỹ tăng thu nhập');
  await a.money.record('Vốn ban đầu', '40.000.000', typedDate(3));
  for (const name of names) await a.money.lend(name, '1 triệu', typedDate(2));

  await a.app.goTo('Sinh hoạt');
  const today = new Date();
  const todayText = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  await a.app.addMeeting(todayText, 'Nhà văn hóa thôn');
  for (const name of names) await a.app.markAttendance(name, 'Có mặt');

  // From here every tap of the treasurer is counted.
  let taps = 0;
  const tap = async (locator: ReturnType<Page['getByRole']>) => {
    taps += 1;
    await locator.click();
  };
  await tap(a.page.getByRole('link', { name: 'Thu chi buổi họp' }));
  const totals = a.page.getByTestId('meeting-totals');
  await expect(totals).toContainText('0/20 người đã nộp');
  for (const [i, name] of names.entries()) {
    await tap(a.page.getByRole('button', { name: `Đã nộp đủ: ${name}`, exact: true }));
    await expect(totals).toContainText(`${i + 1}/20 người đã nộp`);
  }
  const collected = await a.page.getByTestId('collected').textContent();
  expect(collected).not.toBe('0 đ');
  await tap(a.page.getByRole('button', { name: `Tiền đếm được đúng ${collected}` }));
  await expect(a.page.getByTestId('cash-count-outcome')).toHaveText('Tiền mặt khớp với sổ.');
  expect(taps).toBe(22);
  test.info().annotations.push({ type: 'taps for 20 payers', description: String(taps) });
  await a.context.close();
});
