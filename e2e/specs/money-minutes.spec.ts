import { type Browser, expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return {
    context,
    page,
    app: new ClubApp(page),
    share: new SharePage(page),
    minutes: new MinutesPage(page),
  };
}

/** dd/mm/yyyy of today shifted by whole months, as the treasurer types it. */
function typedDate(monthsAgo: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - monthsAgo);
  return `01/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

function todayText(): string {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

test("the minutes list and print the money the treasurer recorded at the meeting; the member page leads to the member's loans", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  await a.app.addMember({ name: 'Lê Văn Cường', birthYear: '1961' });
  await a.share.startSharing();
  await a.share.expectSynced();

  // The member page leads a committee tablet to the member's money page.
  await a.app.goTo('Thành viên');
  await a.page.locator('.member-name', { hasText: 'Nguyễn Thị Lan' }).click();
  await expect(a.page.getByTestId('member-money-link')).toBeVisible();
  await a.page.screenshot({ path: 'test-results/member-money-link.png' });
  await a.page.getByTestId('member-money-link').click();
  await expect(a.page.getByRole('heading', { name: 'Tiền của Nguyễn Thị Lan' })).toBeVisible();

  // Money in the book: a founding contribution and a loan, then the meeting where Lan repays.
  await a.page.getByRole('navigation').getByRole('link', { name: 'Quỹ', exact: true }).click();
  await a.page
    .getByRole('listitem')
    .filter({ has: a.page.getByRole('heading', { name: 'Quỹ tăng thu nhập' }) })
    .getByRole('link', { name: 'Xem sổ quỹ' })
    .click();
  await a.page.getByRole('button', { name: '+ Ghi thu chi' }).click();
  const dialog = a.page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Loại/ }).click();
  await a.page.locator('.select-item', { hasText: 'Vốn ban đầu' }).click();
  await dialog.getByLabel('Số tiền (đồng)').fill('20 triệu');
  await dialog.getByLabel('Ngày').fill(typedDate(3));
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const lend = async (name: string, amount: string, monthsAgo: number) => {
    await a.page.getByRole('link', { name: 'Cho vay', exact: true }).click();
    await a.page.getByRole('link', { name: '+ Cho vay mới' }).click();
    const form = a.page.getByTestId('new-loan');
    await form.getByRole('combobox').fill(name.split(' ').pop() ?? name);
    await a.page.getByRole('option', { name }).click();
    await form.getByLabel('Số tiền vay (đồng)').fill(amount);
    await form.getByLabel('Ngày giải ngân').fill(typedDate(monthsAgo));
    await form.getByRole('button', { name: 'Giải ngân và ghi sổ' }).click();
    await expect(a.page.getByRole('heading', { name: `Khoản vay của ${name}` })).toBeVisible();
  };
  await lend('Nguyễn Thị Lan', '2.000.000', 2);
  // Cường borrowed three months ago and does not come to the meeting: his interest falls overdue.
  await lend('Lê Văn Cường', '1.000.000', 3);

  await a.app.goTo('Sinh hoạt');
  await a.app.addMeeting(todayText(), 'Nhà văn hóa thôn Đông');
  await a.app.markAttendance('Nguyễn Thị Lan', 'Có mặt');
  const meetingPath = new URL(a.page.url()).pathname;
  await a.page.getByRole('link', { name: 'Thu chi buổi họp' }).click();
  await a.page.getByRole('button', { name: 'Đã nộp đủ: Nguyễn Thị Lan', exact: true }).click();
  await expect(a.page.getByTestId('meeting-totals')).toContainText('1/1 người đã nộp');
  const collected = (await a.page.getByTestId('collected').textContent()) ?? '';
  expect(collected).not.toBe('0 đ');

  // The minutes read those entries: listed read-only, with the way back to the treasurer's screen.
  await a.page.goto(meetingPath);
  await a.minutes.openFromMeeting();
  const section = a.page.getByTestId('minutes-money');
  await expect(section.getByTestId('money-total')).toHaveText(`Đã thu: ${collected}`);
  await expect(section.getByTestId('money-entry').first()).toContainText('Nguyễn Thị Lan');
  await expect(section.getByRole('textbox')).toHaveCount(0);
  await expect(section.getByRole('link', { name: 'Mở thu chi buổi họp' })).toBeVisible();
  await a.page.screenshot({ path: 'test-results/minutes-money.png', fullPage: true });
  const sheet = await a.minutes.showPrintView();
  await expect(sheet).toContainText('TIỀN THU TẠI BUỔI HỌP');
  await expect(sheet).toContainText('Trả lãi');
  await expect(sheet).toContainText('Nguyễn Thị Lan');
  await a.share.expectSynced();

  // The cash counted at the end is 10.000 đ short: the difference is an entry of the book, in the fund's
  // cash book and in the minutes, and the screen says so from the book.
  await a.page.goto(meetingPath);
  await a.page.getByRole('link', { name: 'Thu chi buổi họp' }).click();
  const count = a.page.getByTestId('cash-count');
  const short = Number(collected.replace(/\D/g, '')) - 10_000;
  await count.getByLabel('Tiền đếm được (đồng)').fill(String(short));
  await count.getByRole('button', { name: 'Ghi chênh lệch' }).click();
  await expect(a.page.getByTestId('cash-count-outcome')).toHaveText(
    'Thiếu 10.000 đ so với sổ: đã ghi vào sổ quỹ.',
  );
  await expect(a.page.getByTestId('cash-count-recorded')).toContainText('Thiếu tiền khi kiểm quỹ 10.000 đ');
  await a.page.screenshot({ path: 'test-results/meeting-cash-count.png', fullPage: true });
  await a.page.goto(meetingPath);
  await a.minutes.openFromMeeting();
  await expect(section.getByTestId('money-entry').filter({ hasText: 'Thiếu tiền khi kiểm quỹ' })).toHaveCount(
    1,
  );
  await expect(section.getByTestId('money-total')).toHaveText(`Đã thu: ${collected} · Đã chi: 10.000 đ`);

  // Signed minutes lock the meeting's money: the meeting-day screen records and reverses nothing more.
  await a.minutes.choose('Chủ tọa', 'Nguyễn Thị Lan');
  await a.minutes.choose('Thư ký (người ghi biên bản)', 'Lê Văn Cường');
  await a.minutes.approveAs('Thư ký', 'Lê Văn Cường');
  await a.minutes.approveAs('Chủ tọa', 'Nguyễn Thị Lan');
  await a.minutes.expectApproved();
  await a.page.goto(meetingPath);
  await expect(a.page.getByTestId('meeting-history')).toBeVisible();
  await a.page.getByRole('link', { name: 'Thu chi buổi họp' }).click();
  await expect(a.page.getByTestId('meeting-money-locked')).toBeVisible();
  await expect(a.page.getByRole('button', { name: 'Ghi lại: Nguyễn Thị Lan' })).toBeDisabled();
  await expect(count.getByRole('button', { name: 'Ghi chênh lệch' })).toBeDisabled();
  await a.page.screenshot({ path: 'test-results/meeting-money-locked.png', fullPage: true });

  // Lan's loan tells its history in words: who recorded the payout and her interest.
  await a.page.getByRole('navigation').getByRole('link', { name: 'Quỹ', exact: true }).click();
  await a.page.getByRole('link', { name: 'Cho vay', exact: true }).click();
  await a.page
    .getByRole('link', { name: /Nguyễn Thị Lan/ })
    .first()
    .click();
  const history = a.page.getByTestId('loan-change-history');
  await expect(history).toContainText('Nguyễn Thị Hoa ghi giải ngân cho vay 2.000.000 đ');
  await expect(history).toContainText('Nguyễn Thị Hoa ghi trả lãi');
  await history.scrollIntoViewIfNeeded();
  await a.page.screenshot({ path: 'test-results/loan-history.png', fullPage: true });

  // The overdue list on A4: Cường, who missed his interest; Lan paid hers at the meeting.
  await a.page.getByRole('navigation').getByRole('link', { name: 'Quỹ', exact: true }).click();
  await a.page.getByRole('link', { name: 'Cho vay', exact: true }).click();
  await a.page.getByRole('link', { name: 'In danh sách quá hạn' }).click();
  const overdue = a.page.getByTestId('overdue-print');
  await expect(overdue).toContainText('DANH SÁCH KHOẢN VAY QUÁ HẠN');
  await expect(overdue.getByTestId('overdue-row')).toHaveCount(1);
  await expect(overdue.getByTestId('overdue-row')).toContainText('Lê Văn Cường');
  await expect(overdue.getByTestId('overdue-row')).toContainText('1.000.000 đ');
  await a.page.emulateMedia({ media: 'print' });
  await a.page.screenshot({ path: 'test-results/overdue-print.png', fullPage: true });
  await a.page.pdf({ path: 'test-results/overdue-print.pdf', format: 'A4' });

  await a.context.close();
});
