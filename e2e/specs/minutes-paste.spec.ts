import { expect, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';

const ITEM = 'Báo cáo quỹ tháng 3';

/** Word's clipboard HTML (Windows): list paragraphs with typed markers in conditional comments. */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=VI><!--StartFragment-->
<p class=MsoNormal><b><span lang=VI>Báo cáo quỹ</span></b><span lang=VI> của <i>Chi hội</i><o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Góp quỹ: 32.500.000&nbsp;đồng<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Tổ 1 nộp <b>đủ</b><o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Thăm hỏi hội viên ốm<o:p></o:p></span></p>
<!--EndFragment--></body></html>`;

/** A Zalo message: two lines, a blank line, then a numbered list typed by hand. */
const CHAT = 'Anh Bình đề nghị:\nlàm trong tháng 4\n\n1. Sửa mái nhà bà Lan\n2. Mua ghế';

test('Word and chat-app text pasted into the minutes keep their lists and emphasis, on screen and on paper', async ({
  page,
}) => {
  const app = new ClubApp(page);
  const minutes = new MinutesPage(page);
  await app.start();
  await app.createClub('CLB Liên thế hệ thôn Đông');
  await app.goTo('Sinh hoạt');
  await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  await minutes.openFromMeeting();
  await minutes.addItem(ITEM);

  await minutes.caretAt(ITEM, 'end');
  await minutes.paste(ITEM, { html: WORD, text: 'Báo cáo quỹ của Chi hội' });
  const body = minutes.body(ITEM);
  await expect(body.locator(':scope > p').first()).toHaveText('Báo cáo quỹ của Chi hội');
  await expect(body.locator(':scope > p strong').first()).toHaveText('Báo cáo quỹ');
  await expect(body.locator(':scope > p em').first()).toHaveText('Chi hội');
  await expect(body.locator(':scope > ul > li')).toHaveText([
    'Góp quỹ: 32.500.000 đồngTổ 1 nộp đủ',
    'Thăm hỏi hội viên ốm',
  ]);
  await expect(body.locator(':scope > ul > li > ul > li')).toHaveText(['Tổ 1 nộp đủ']);
  await expect(body.locator('ul strong')).toHaveText(['đủ']);
  await expect(body).not.toContainText('·');

  // The editor keeps an empty paragraph after the list (StarterKit's trailing node, appended once the
  // paste has settled into the shared document): the caret goes there for the chat text.
  await expect(body.locator(':scope > :last-child')).toHaveJSProperty('tagName', 'P');
  await expect(body.locator(':scope > :last-child')).toHaveText('');
  await minutes.caretAt(ITEM, 'end');
  await minutes.paste(ITEM, { text: CHAT });
  await expect(body.locator(':scope > p', { hasText: 'Anh Bình' }).locator('br')).toHaveCount(1);
  await expect(body.locator(':scope > ol > li')).toHaveText(['Sửa mái nhà bà Lan', 'Mua ghế']);
  await expect(body).not.toContainText('1. Sửa');
  await minutes.expectText(
    ITEM,
    'Báo cáo quỹ của Chi hộiGóp quỹ: 32.500.000 đồngTổ 1 nộp đủThăm hỏi hội viên ốmAnh Bình đề nghị:làm trong tháng 4Sửa mái nhà bà LanMua ghế',
  );

  // On paper: the same lists and emphasis, drawn by the print view.
  const sheet = await minutes.showPrintView();
  await page.emulateMedia({ media: 'print' });
  const printed = sheet.locator('.print-item', { hasText: ITEM }).locator('.print-body');
  await expect(printed.locator(':scope > p strong')).toHaveText(['Báo cáo quỹ']);
  await expect(printed.locator(':scope > p em')).toHaveText(['Chi hội']);
  await expect(printed.locator(':scope > ul > li > p')).toHaveText([
    'Góp quỹ: 32.500.000 đồng',
    'Thăm hỏi hội viên ốm',
  ]);
  await expect(printed.locator('ul ul > li')).toHaveText(['Tổ 1 nộp đủ']);
  await expect(printed.locator(':scope > ol > li')).toHaveText(['Sửa mái nhà bà Lan', 'Mua ghế']);
  await expect(printed.locator(':scope > p', { hasText: 'Anh Bình' }).locator('br')).toHaveCount(1);
  // Bullets print as the administrative dash.
  expect(
    await printed.locator(':scope > ul').evaluate((list) => getComputedStyle(list).listStyleType),
  ).toMatch(/^"-\s+"$/);
  await page.screenshot({ path: 'test-results/minutes-paste-print.png', fullPage: true });
});
