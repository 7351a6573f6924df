/**
 * HTML as Microsoft Word (Windows, 2016 and later) puts it on the clipboard: a bold and italic
 * paragraph, a blank line, a bulleted list with a second level, then a numbered list written with the
 * other conditional-comment form Word uses when it saves HTML.
 */
export const WORD_CLIPBOARD = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/Lan/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
p.MsoNormal {margin:0cm; font-size:13.0pt; font-family:"Times New Roman",serif;}
@list l0:level1 {mso-level-number-format:bullet; mso-level-text:\\F0B7;}
-->
</style>
</head>
<body lang=VI style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal><b><span lang=VI style='mso-bidi-font-weight:normal'>Báo cáo quỹ</span></b><span
lang=VI> tháng 3 của <i style='mso-bidi-font-style:normal'>Chi hội</i><o:p></o:p></span></p>

<p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Góp quỹ: 32.500.000&nbsp;đồng<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
lang=VI style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Tổ 1 nộp <b>đủ</b><o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Thăm hỏi hội viên ốm<o:p></o:p></span></p>

<p class=MsoNormal><span lang=VI>Kế hoạch:<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span
lang=VI><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><!--[endif]--><span lang=VI>Sửa mái nhà bà Lan<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span
lang=VI><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><!--[endif]--><span lang=VI>Mua <i>ghế</i> cho nhà văn hóa<o:p></o:p></span></p>

<!--EndFragment-->
</body>
</html>`;

/** A message copied from Zalo or Messenger: lines, a blank line between paragraphs, typed list markers. */
export const CHAT_MESSAGE = [
  'Chị Lan báo cáo:',
  'quỹ còn 32.500.000 đồng',
  '',
  '- Góp quỹ tháng 3',
  '- Thăm hỏi hội viên ốm',
  '',
  '1. Sửa mái nhà bà Lan',
  '2. Mua ghế',
  'Hết.',
].join('\n');
