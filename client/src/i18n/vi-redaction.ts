/** Taking an erased member's name out of a meeting's minutes (issue 12 §2): redaction and a new generation. */
export const viRedaction = {
  title: 'Xóa tên khỏi biên bản',
  hint: 'Khi một thành viên yêu cầu xóa dữ liệu cá nhân, tên của họ có thể còn trong biên bản. Gõ tên để xem những chỗ có tên, rồi thay bằng "[đã xóa]". Biên bản được viết lại, lịch sử cũ bị xóa trên máy này và trên máy chủ.',
  nameLabel: 'Tên cần xóa',
  find: 'Tìm trong biên bản',
  found: 'Tên có ở {{ count }} chỗ:',
  notFound: 'Không thấy tên này trong biên bản.',
  notFoundHistory:
    'Tên có thể vẫn còn trong lịch sử sửa đổi. Viết lại biên bản để xóa lịch sử cũ (nội dung hiện tại giữ nguyên).',
  rewriteOnly: 'Viết lại biên bản, bỏ lịch sử cũ',
  redact: 'Thay {{ count }} chỗ bằng [đã xóa] và viết lại biên bản',
  confirm: 'Việc này không hoàn tác được. Biên bản đã duyệt vẫn giữ nguyên, chỉ thay những chữ này.',
  confirmYes: 'Đồng ý, xóa tên',
  cancel: 'Thôi',
  working: 'Đang viết lại biên bản…',
  done: 'Đã thay {{ count }} chỗ bằng [đã xóa]. Biên bản đã được viết lại, không còn lịch sử cũ.',
  needPerson: 'Hãy chọn người đang dùng máy này ở phần Ký duyệt trước.',
  needSync: 'Cần kết nối máy chủ và đồng bộ xong trước khi viết lại biên bản.',
  errors: {
    clubClosed: 'Hãy mở lại câu lạc bộ rồi thử lại.',
    readOnly: 'Biên bản do phiên bản mới hơn viết, máy này không sửa được.',
    relayUnreachable: 'Máy chủ chưa nhận được biên bản mới, nên chưa thay đổi gì. Kiểm tra mạng rồi thử lại.',
  },
  place: {
    header: 'Phần đầu biên bản',
    agendaTitle: 'Tiêu đề mục "{{ item }}"',
    agendaDecisions: 'Kết luận mục "{{ item }}"',
    agendaBody: 'Nội dung mục "{{ item }}"',
    action: 'Việc cần làm',
    money: 'Ghi chú thu chi',
  },
  note: 'Biên bản này đã xóa tên theo yêu cầu xóa dữ liệu cá nhân: {{ count }} chỗ được thay bằng [đã xóa] ({{ name }}, {{ date }}).',
  noteApproved:
    'Nội dung đã duyệt được giữ nguyên, trừ những chữ [đã xóa]: {{ count }} chỗ tên được xóa theo yêu cầu xóa dữ liệu cá nhân ({{ name }}, {{ date }}).',
  signatureValid: 'Chữ ký của người xóa tên hợp lệ.',
  signatureInvalid: 'Chữ ký không hợp lệ: biên bản đã bị sửa sau khi xóa tên.',
  keptTitle: 'Ghi chép chưa gửi từ bản biên bản cũ',
  keptHint:
    'Máy này có ghi chép viết khi chưa kết nối, trước khi biên bản được viết lại. Chúng chưa được đưa vào biên bản mới. Đọc, chép phần cần giữ vào biên bản (đừng chép tên đã xóa), rồi bỏ bản cũ.',
  keptDiscard: 'Đã chép xong, bỏ bản cũ',
  keptDiscarded: 'Đã bỏ bản biên bản cũ trên máy này.',
};
