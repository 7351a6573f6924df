// What a member's page says when two tablets wrote different values of one field while apart.
// Wired into vi.ts as `conflicts`.
export const viConflicts = {
  /** "Hai máy ghi khác nhau: 0912 345 678 (Lan, 10h02) / 0987 654 321 (Hoa, 10h05): giữ số nào?" */
  message: '{{ field }}: hai máy ghi khác nhau: {{ options }}: {{ question }}',
  option: '{{ value }} ({{ name }}, {{ when }})',
  keep: 'Giữ {{ value }}',
  kept: 'Đã giữ {{ value }} cho mọi máy.',
  empty: '(để trống)',
  yes: 'Có',
  no: 'Không',
  heading: 'Cần chọn một giá trị',
  question: {
    fullName: 'giữ tên nào?',
    gender: 'giữ cái nào?',
    birthYear: 'giữ năm nào?',
    phone: 'giữ số nào?',
    hamlet: 'giữ thôn nào?',
    household: 'giữ hoàn cảnh nào?',
    ethnicMinority: 'giữ cái nào?',
    joinedOn: 'giữ ngày nào?',
    role: 'giữ vai trò nào?',
  },
  meetingField: {
    date: 'Ngày họp',
    time: 'Giờ bắt đầu',
    kind: 'Loại buổi họp',
    chairId: 'Người chủ trì',
    secretaryId: 'Thư ký',
  },
  meetingQuestion: {
    date: 'giữ ngày nào?',
    time: 'giữ giờ nào?',
    kind: 'giữ loại nào?',
    chairId: 'giữ người nào?',
    secretaryId: 'giữ người nào?',
  },
};
