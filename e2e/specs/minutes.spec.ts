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

const ITEM = 'Báo cáo hoạt động tháng 3';

test('two tablets write one meeting’s minutes together, offline too, then approve and print them', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  await a.app.addMember({ name: 'Lê Văn Cường', birthYear: '1961' });
  const links = await a.share.startSharing();
  await a.share.expectSynced();
  await a.app.goTo('Sinh hoạt');
  await a.app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  await a.app.markAttendance('Nguyễn Thị Lan', 'Có mặt');
  await a.app.markAttendance('Lê Văn Cường', 'Vắng có phép');
  await a.minutes.openFromMeeting();
  const path = new URL(a.page.url()).pathname;
  expect(path).toMatch(/\/meetings\/[^/]+\/minutes$/);
  await a.minutes.addItem(ITEM);
  await a.minutes.expectSynced();
  // Health checks go to the club's private health doc; an out-of-range reading is flagged.
  const pressure = a.page.getByLabel('Huyết áp (ví dụ 120/80): Nguyễn Thị Lan');
  await pressure.fill('165/95');
  await pressure.blur();
  await expect(a.page.getByTestId('health-flags')).toHaveText('Cần theo dõi: Huyết áp cao');
  await a.page.getByText('In kèm số liệu sức khỏe').click();
  // An action item with a due date (the meeting's money is the book's: money-minutes.spec.ts).
  await a.page.getByLabel('Việc mới').fill('Thăm hỏi bà Lan');
  await a.page.getByRole('button', { name: '+ Thêm việc' }).click();
  await a.page.getByLabel('Hạn (ngày/tháng/năm)').fill('15/03/2026');
  await a.page.getByLabel('Hạn (ngày/tháng/năm)').blur();

  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await b.minutes.open(path);
  await b.minutes.expectSynced();
  await expect(b.minutes.body(ITEM)).toBeVisible();

  // Both type into the same paragraph at the same time: A at its start, B at its end.
  await a.minutes.caretAt(ITEM, 'end');
  await a.page.keyboard.type('Mở đầu.');
  await b.minutes.expectText(ITEM, 'Mở đầu.');
  await a.minutes.caretAt(ITEM, 'start');
  await b.minutes.caretAt(ITEM, 'end');
  const fromA = 'Chị Lan báo cáo quỹ tăng thu nhập còn 32.500.000 đồng. ';
  const fromB = ' Anh Bình đề nghị thăm hỏi hội viên ốm.';
  await Promise.all([a.page.keyboard.type(fromA, { delay: 20 }), b.page.keyboard.type(fromB, { delay: 20 })]);
  const both = `${fromA}Mở đầu.${fromB}`;
  await a.minutes.expectText(ITEM, both);
  await b.minutes.expectText(ITEM, both);
  // B's caret shows on A's screen with B's name.
  await expect(a.page.locator('.collaboration-carets__label', { hasText: 'Trần Văn Bình' })).toBeVisible();

  // Vietnamese composed through the IME on A while B's typing arrives in the same paragraph.
  await a.minutes.caretAt(ITEM, 'end');
  await b.minutes.caretAt(ITEM, 'start');
  const cdp = await a.context.newCDPSession(a.page);
  const remote = 'Tổ 2: ';
  await Promise.all([
    (async () => {
      for (const [composing, word] of [
        ['Việ', ' Việt'],
        ['Na', ' Nam'],
        ['đẹ', ' đẹp'],
      ] as const) {
        await cdp.send('Input.imeSetComposition', {
          text: composing,
          selectionStart: composing.length,
          selectionEnd: composing.length,
        });
        await cdp.send('Input.insertText', { text: word });
      }
    })(),
    b.page.keyboard.type(remote, { delay: 30 }),
  ]);
  const withIme = `${remote}${both} Việt Nam đẹp`;
  await a.minutes.expectText(ITEM, withIme);
  await b.minutes.expectText(ITEM, withIme);

  // B loses the signal and writes a whole agenda item; after reconnecting both have it. B joined seconds ago:
  // its app must be installed first (the service worker precached), or the screens it has not opened yet
  // cannot load offline (CI caught the precache cut off mid-way).
  await b.app.waitForServiceWorker();
  await b.minutes.expectSynced();
  await b.context.setOffline(true);
  await expect(b.page.locator('[data-minutes-sync]')).toHaveAttribute('data-minutes-sync', 'offline');
  const offlineItem = 'Kế hoạch tháng 4';
  await b.minutes.addItem(offlineItem);
  await b.minutes.caretAt(offlineItem, 'end');
  await b.page.keyboard.type('Tổ chức ngày công giúp nhà bà Lan sửa mái.');
  await expect(a.minutes.item(offlineItem)).toHaveCount(0);
  // B closes the minutes before the signal comes back: the club sends them in the background, and the
  // words at the top say "synced" only once they are stored.
  await b.app.goTo('Sinh hoạt');
  await b.context.setOffline(false);
  await b.share.expectSynced();
  await a.minutes.expectText(offlineItem, 'Tổ chức ngày công giúp nhà bà Lan sửa mái.');
  await b.minutes.open(path);
  await b.minutes.expectSynced();
  for (const t of [a, b]) {
    await t.minutes.expectText(offlineItem, 'Tổ chức ngày công giúp nhà bà Lan sửa mái.');
    await t.minutes.expectText(ITEM, withIme);
  }
  // Reordering the agenda reaches the other tablet.
  const order = (t: { page: import('@playwright/test').Page }) =>
    t.page
      .getByTestId('agenda-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
  await a.minutes
    .item(offlineItem)
    .getByRole('button', { name: /Đưa lên/ })
    .click();
  await expect.poll(() => order(b)).toEqual([offlineItem, ITEM]);
  await a.minutes
    .item(offlineItem)
    .getByRole('button', { name: /Đưa xuống/ })
    .click();
  await expect.poll(() => order(b)).toEqual([ITEM, offlineItem]);

  // Chair and secretary sign: editing locks on both tablets.
  await a.minutes.choose('Chủ tọa', 'Nguyễn Thị Lan');
  await a.minutes.choose('Thư ký (người ghi biên bản)', 'Lê Văn Cường');
  await a.page.getByLabel('Giờ kết thúc').fill('10:30');
  await a.page.getByLabel('Số biên bản (ví dụ 05/BB-CLB)').fill('03/BB-CLB');
  await a.page.getByLabel('Nơi nhận (mỗi dòng một nơi)').fill('Hội Người cao tuổi xã Nga Thạch;\nLưu: CLB.');
  await a.page.getByLabel('Nơi nhận (mỗi dòng một nơi)').blur();
  // Each signs on their own tablet, as the person set up for that role (issue 12 §4).
  await a.minutes.approveAs('Chủ tọa', 'Nguyễn Thị Lan');
  await expect(b.page.getByTestId('approval')).toContainText('Chủ tọa: Nguyễn Thị Lan đã ký');
  await b.minutes.approveAs('Thư ký', 'Lê Văn Cường');
  await a.minutes.expectApproved();
  await b.minutes.expectApproved();
  await b.minutes.body(ITEM).click();
  await b.page.keyboard.type('không được thêm');
  await b.minutes.expectText(ITEM, withIme);

  await b.page.screenshot({ path: 'test-results/minutes-editor.png', fullPage: true });

  // The print view, in the administrative layout, from the approved version.
  const sheet = await a.minutes.showPrintView();
  await a.page.emulateMedia({ media: 'print' });
  await expect(sheet).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(sheet).toContainText('Độc lập - Tự do - Hạnh phúc');
  await expect(sheet).toContainText('Số: 03/BB-CLB');
  await expect(sheet).toContainText('xã Nga Thạch, ngày 05 tháng 03 năm 2026');
  await expect(sheet).toContainText(`1. ${ITEM}`);
  await expect(sheet).toContainText(withIme);
  await expect(sheet).toContainText('Cuộc họp kết thúc vào 10 giờ 30');
  await expect(sheet).toContainText('Nơi nhận:');
  await expect(sheet).not.toContainText('BẢN NHÁP');
  await expect(sheet).toContainText('IV. SỐ LIỆU SỨC KHỎE');
  await expect(sheet).toContainText('Thăm hỏi bà Lan');
  await expect(sheet).toContainText('15/03/2026');
  await expect(sheet).toContainText('165/95');
  await a.page.screenshot({ path: 'test-results/minutes-print.png', fullPage: true });

  // Reopened as a recorded action; then B, offline, writes without seeing the new approval.
  await a.page.emulateMedia({ media: 'screen' });
  await a.page.getByRole('button', { name: 'Quay lại soạn' }).click();
  await a.page.getByLabel('Lý do mở lại').fill('Bổ sung ý kiến của tổ 3');
  await a.page.getByRole('button', { name: 'Mở lại biên bản để sửa' }).click();
  await expect(a.page.getByTestId('approval')).toContainText('Bổ sung ý kiến của tổ 3');
  await expect(b.page.getByTestId('minutes-status')).toHaveAttribute('data-status', 'draft');
  await b.context.setOffline(true);
  await expect(b.page.locator('[data-minutes-sync]')).toHaveAttribute('data-minutes-sync', 'offline');
  await b.minutes.caretAt(ITEM, 'end');
  const late = ' Ghi thêm khi mất sóng.';
  await b.page.keyboard.type(late);
  await a.minutes.approveAs('Chủ tọa');
  // The secretary signs on the chair's tablet this time, choosing themself as its user first.
  await a.minutes.approveAs('Thư ký', 'Lê Văn Cường');
  await a.minutes.expectApproved();
  await b.context.setOffline(false);
  await b.minutes.expectSynced();
  await b.minutes.expectApproved();
  // The late edit is kept in the live text and listed; the approved version (what prints) is unchanged.
  await a.minutes.expectText(ITEM, `${withIme}${late}`);
  const panel = a.page.getByTestId('late-changes');
  await expect(panel).toContainText(ITEM);
  const approvedSheet = await a.minutes.showPrintView();
  await expect(approvedSheet).toContainText(withIme);
  await expect(approvedSheet).not.toContainText('Ghi thêm khi mất sóng');
  await a.page.getByRole('button', { name: 'Quay lại soạn' }).click();
  await panel.getByRole('button', { name: 'Gác lại các thay đổi' }).click();
  await expect(panel).toBeHidden();
  await a.minutes.expectText(ITEM, withIme);
  await b.minutes.expectText(ITEM, withIme);
  // What was set aside stays openable in the history, beside the current text.
  const saved = a.page.getByTestId('version').filter({ hasText: 'Trước khi gác lại thay đổi' });
  await saved.getByRole('button', { name: 'Mở' }).click();
  await expect(a.page.getByTestId('version-compare')).toContainText('Ghi thêm khi mất sóng.');

  for (const t of [a, b]) await t.context.close();
});
