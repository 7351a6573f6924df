// Who uses this tablet (issue 12 §4): chosen at join, switched in the header, guarded by a short PIN per
// person when the committee turns that on. Wired into vi.ts as `people`.
export const viPeople = {
  whoUses: 'Ai đang dùng máy này?',
  whoUsesHint: 'Chọn tên của bạn. Khi ký duyệt biên bản, máy ghi tên người đang dùng.',
  choose: 'Chọn người dùng',
  nobody: 'Chưa chọn',
  current: 'Người dùng: {{ name }}',
  switchTitle: 'Đổi người dùng máy này',
  skip: 'Để sau',
  requirePin: 'Yêu cầu mã PIN khi đổi người dùng và khi ký',
  requirePinHint: 'Ban chủ nhiệm quyết định. Mỗi người tự đặt mã PIN 4–6 số trên từng máy.',
  pin: 'Mã PIN (4–6 số)',
  pinRepeat: 'Nhập lại mã PIN',
  setPin: 'Đặt mã PIN',
  setPinTitle: '{{ name }} đặt mã PIN cho máy này',
  enterPin: '{{ name }} nhập mã PIN',
  confirm: 'Xác nhận',
  pinFormat: 'Mã PIN gồm 4 đến 6 chữ số.',
  pinMismatch: 'Hai lần nhập chưa giống nhau.',
  pinWrong: 'Mã PIN chưa đúng. Hãy thử lại.',
  pinWait: 'Mã PIN sai nhiều lần. Hãy chờ {{ seconds }} giây rồi thử lại.',
  pinSaved: 'Đã đặt mã PIN.',
  notCommittee:
    'Chỉ thành viên Ban Chủ nhiệm mới đổi được quy định này. Hãy chọn người dùng máy là một thành viên Ban Chủ nhiệm.',
  pinRuleSaved: 'Đã lưu quy định về mã PIN.',
  chooseFirst: 'Hãy chọn một người.',
};
