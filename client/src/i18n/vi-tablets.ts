// The club's tablets: each with its own key at the relay, listed on the share screen and cut off one by
// one (issue 12 §6), and signer keys that changed (§4). Wired into vi.ts as `tablets`.
export const viTablets = {
  title: 'Các máy của câu lạc bộ',
  hint: 'Mỗi máy tính bảng vào câu lạc bộ có khóa riêng. Nếu mất một máy, hãy ngắt máy đó: các máy khác vẫn đồng bộ bình thường.',
  loading: 'Đang lấy danh sách máy…',
  empty: 'Chưa có máy nào đăng ký khóa riêng.',
  loadFailed: 'Chưa lấy được danh sách máy. Hãy thử lại khi có mạng.',
  thisTablet: 'Máy này',
  unknownPerson: 'Chưa chọn người dùng',
  lastSeen: 'Lần cuối đồng bộ: {{ when }}',
  neverSeen: 'Chưa đồng bộ lần nào',
  revoked: 'Đã ngắt lúc {{ when }}',
  revoke: 'Ngắt máy này',
  confirmRevoke:
    'Ngắt máy của {{ person }}? Máy đó sẽ không đồng bộ được nữa, và mã mời của câu lạc bộ được đổi luôn để máy đó không vào lại được. Các máy khác vẫn đồng bộ và gửi ảnh bình thường; muốn mời thêm người từ máy khác, máy đó quét mã mời mới trên máy này.',
  confirmRevokeYes: 'Ngắt máy',
  revokeDone: 'Đã ngắt máy của {{ person }} và đổi mã mời. Mã mời mới ở trên trang này.',
  revokeNotRotated:
    'Đã ngắt máy của {{ person }}, nhưng chưa đổi được mã mời. Khi có mạng, hãy bấm "Đổi khóa (khi mất máy)".',
  revokeFailed: 'Chưa ngắt được máy. Hãy thử lại khi có mạng.',
  /** What a tablet that was cut off is told, in place of the sync status. */
  cutOff:
    'Máy này đã bị ban chủ nhiệm ngắt khỏi câu lạc bộ nên không đồng bộ được nữa. Dữ liệu trên máy vẫn còn. Nếu nhầm, hãy xin một mã mời mới.',
  registering: 'Đang đăng ký khóa riêng cho máy này…',
  registerFailed: 'Chưa đăng ký được khóa riêng cho máy này; máy vẫn dùng mã mời và sẽ thử lại.',
  keyChanged:
    'Cảnh báo: khóa ký của máy "{{ tablet }}" ({{ person }}) đã khác với khóa máy này thấy lần đầu. Chữ ký bằng khóa mới không được công nhận. Hãy báo ban chủ nhiệm.',
};
