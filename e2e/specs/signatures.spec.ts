import { type Browser, expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';
import { rewriteOnRelay } from './signatures-raw-write';

// Issue 12 §4 and §5: each tablet signs as the person using it, every tablet checks the signature, and a
// member's change history reads in words on every tablet after sync.

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

test('the secretary’s tablet cannot sign as chair; the chair signs on another tablet and both see valid signatures', async ({
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
  await a.minutes.openFromMeeting();
  const path = new URL(a.page.url()).pathname;
  await a.minutes.choose('Chủ tọa', 'Nguyễn Thị Lan');
  await a.minutes.choose('Thư ký (người ghi biên bản)', 'Lê Văn Cường');
  await a.minutes.expectSynced();

  // Tablet A is the secretary's: the chair's button stays shut, the secretary's signs.
  await a.minutes.usePerson('Lê Văn Cường');
  const approval = a.page.getByTestId('approval');
  await expect(approval.getByRole('button', { name: 'Chủ tọa ký duyệt' })).toBeDisabled();
  await expect(approval).toContainText('chỉ Nguyễn Thị Lan ký được phần Chủ tọa');
  await a.minutes.approveAs('Thư ký');
  await expect(a.page.getByTestId('signature-secretary').locator('[data-signature]')).toHaveAttribute(
    'data-signature',
    'valid',
  );

  // Tablet B is the chair's.
  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await b.minutes.open(path);
  await b.minutes.expectSynced();
  await expect(b.page.getByTestId('signature-secretary')).toContainText('Lê Văn Cường đã ký');
  await b.minutes.approveAs('Chủ tọa', 'Nguyễn Thị Lan');
  await b.minutes.expectApproved();

  // Both tablets check both signatures against the keys the tablets registered in the club doc.
  for (const t of [a, b]) {
    await t.minutes.expectApproved();
    await expect(t.page.getByTestId('signature-chair')).toContainText('Chủ tọa: Nguyễn Thị Lan đã ký');
    for (const role of ['chair', 'secretary']) {
      await expect(t.page.getByTestId(`signature-${role}`).locator('[data-signature]')).toHaveAttribute(
        'data-signature',
        'valid',
      );
    }
    await expect(t.page.getByTestId('approval')).not.toContainText('chữ ký không hợp lệ');
  }
  // The meeting's health values lock with its minutes.
  await expect(a.page.getByLabel('Huyết áp (ví dụ 120/80): Nguyễn Thị Lan')).not.toBeEditable();
  await a.page.getByTestId('approval').screenshot({ path: test.info().outputPath('approval-a.png') });

  // A third browser, holding only the editor key, rewrites the chair's approval record with a raw Yjs
  // write sent to the relay: the secretary now appears as the chair's signer, under the chair's signature.
  const forger = await browser.newContext();
  const access = await a.page.evaluate(() => {
    const [club] = JSON.parse(localStorage.getItem('chungtay.clubs') ?? '[]') as Array<{
      id: string;
      access: { key: string };
    }>;
    return { clubId: club?.id ?? '', key: club?.access.key ?? '' };
  });
  const meetingId = /\/meetings\/([^/]+)\/minutes/.exec(path)?.[1] ?? '';
  await rewriteOnRelay(
    await forger.newPage(),
    new URL(a.page.url()).origin,
    `${access.clubId}/meeting/${meetingId}`,
    access.key,
    (doc) => {
      const approval = doc.getMap('approval');
      const chair = approval.get('chair') as Record<string, unknown>;
      const secretary = approval.get('secretary') as Record<string, unknown>;
      approval.set('chair', { ...chair, by: secretary.by });
    },
  );
  // Every tablet shows it, in words.
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('signature-chair').locator('[data-signature]')).toHaveAttribute(
      'data-signature',
      'invalid',
    );
    await expect(t.page.getByTestId('signature-chair')).toContainText('chữ ký không hợp lệ');
    await expect(t.page.getByTestId('signature-secretary').locator('[data-signature]')).toHaveAttribute(
      'data-signature',
      'valid',
    );
  }
  await a.page.getByTestId('approval').screenshot({ path: test.info().outputPath('approval-rewritten.png') });
  await forger.close();
  for (const t of [a, b]) await t.context.close();
});

test('a member’s change history reads in words on the other tablet after sync', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956', phone: '0900 000 000' });
  const links = await a.share.startSharing();
  await a.share.expectSynced();
  await a.app.goTo('Thành viên');
  await a.app.memberLink('Nguyễn Thị Lan').click();
  await a.page.getByRole('button', { name: 'Sửa', exact: true }).click();
  const dialog = a.page.getByRole('dialog');
  await dialog.getByLabel('Số điện thoại').fill('0912 345 678');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(a.page.getByTestId('member-history')).toContainText('Nguyễn Thị Hoa đổi số điện thoại');
  await a.share.expectSynced();

  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await b.app.goTo('Thành viên');
  await b.app.memberLink('Nguyễn Thị Lan').click();
  const history = b.page.getByTestId('member-history');
  await expect(history).toContainText(/Nguyễn Thị Hoa đổi số điện thoại, \d\d:\d\d \d\d\/\d\d\/\d{4}/);
  await expect(history).not.toContainText('phone');
  await history.screenshot({ path: test.info().outputPath('member-history-b.png') });
  for (const t of [a, b]) await t.context.close();
});
