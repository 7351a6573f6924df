// Who signed the minutes, on which tablet, and whether the signature holds (issue 12 §4).
// Wired into vi.ts as `signatures`.
export const viSignatures = {
  person: 'Người dùng máy này',
  personHint:
    'Ai đang dùng máy tính bảng này? Chỉ người được ghi là chủ tọa mới ký được phần chủ tọa, thư ký cũng vậy.',
  choosePerson: 'Chọn người…',
  signedBy: '{{ role }}: {{ name }} đã ký lúc {{ at }}',
  valid: 'chữ ký hợp lệ',
  invalid: 'chữ ký không hợp lệ',
  unsigned: 'ký trước khi có chữ ký số',
  checking: 'đang kiểm tra chữ ký…',
  notYou: 'Máy này đang do {{ name }} dùng; chỉ {{ signer }} ký được phần {{ role }}.',
  notSigner: 'Chỉ người được ghi trong biên bản là {{ role }} mới ký được.',
  notReopener: 'Chỉ chủ tọa hoặc thư ký mới mở lại được biên bản.',
  keyTaken: 'Máy này đã đăng ký một khóa ký khác. Hãy báo ban chủ nhiệm.',
  signFailed: 'Không ký được trên máy này: {{ reason }}',
  reopenedBy: 'Mở lại lúc {{ at }} bởi {{ name }}: {{ reason }}',
  /** A member's or meeting's change history (issue 12 §5): "Lan đổi số điện thoại, 10:02 03/12/2026". */
  historyTitle: 'Lịch sử thay đổi',
  historyEmpty: 'Chưa có thay đổi nào được ghi.',
  changed: '{{ name }} đổi {{ field }}, {{ when }}',
};
