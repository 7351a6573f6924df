// What the join page says when an invite would change the sync server or the key of a club already on this
// tablet (issue 12 §6). Wired into vi.ts as `invite`. Plain words: what changes, and where the records go.
export const viInvite = {
  heldTitle: 'Cảnh báo: đường dẫn này đổi cách đồng bộ của {{ name }}, câu lạc bộ đang có trên máy này',
  relayChange: 'Máy chủ đồng bộ sẽ đổi từ {{ from }} sang {{ to }}.',
  keyChange: 'Mã truy cập câu lạc bộ đang giữ trên máy này sẽ được thay bằng mã trong đường dẫn.',
  recordsTo:
    'Nếu đồng ý, toàn bộ sổ sách của câu lạc bộ trên máy này (thành viên, biên bản, sức khỏe, quỹ, chăm sóc) sẽ được gửi tới máy chủ {{ to }}.',
  onlyIf:
    'Chỉ đồng ý khi chủ nhiệm câu lạc bộ đã báo trước việc đổi này. Nếu không chắc, hãy chọn “Không đổi” và hỏi lại.',
  agree: 'Đồng ý đổi',
  decline: 'Không đổi, giữ như cũ',
};
