/** Removing a club from this tablet (issue 12 §2): the settings section and its confirmation. */
export const viErasure = {
  removeTitle: 'Xóa câu lạc bộ khỏi máy này',
  removeHint:
    'Xóa hết sổ sách, biên bản, sổ sức khỏe, sổ quỹ và khóa của câu lạc bộ trên máy tính bảng này. Máy chủ đồng bộ và các máy khác vẫn giữ bản của họ.',
  removeButton: 'Xóa khỏi máy này',
  removeConfirm: 'Xóa {{ name }} khỏi máy này?',
  removeLost: 'Những sổ sau chưa gửi được lên máy chủ và sẽ mất hẳn:',
  removeNothingLost: 'Mọi thay đổi đã lên máy chủ: có thể mở lại câu lạc bộ bằng lời mời.',
  removed: 'Đã xóa {{ name }} khỏi máy này.',
  alsoRelay: 'Xóa cả bản trên máy chủ đồng bộ: mọi máy khác sẽ không đồng bộ được câu lạc bộ này nữa',
  relayFailed: 'Máy chủ chưa xóa được câu lạc bộ, nên máy này chưa xóa gì. Hãy kiểm tra mạng rồi thử lại.',
  removeFailed: 'Chưa xóa được. Hãy đóng các thẻ khác đang mở câu lạc bộ này rồi thử lại.',
  scrubFailed: 'Máy chưa dọn xong chỗ dữ liệu vừa xóa. Lần mở câu lạc bộ sau máy sẽ tự làm lại.',
  docs: {
    club: 'Sổ câu lạc bộ (thành viên, cuộc họp)',
    health: 'Sổ sức khỏe',
    money: 'Sổ quỹ',
    care: 'Sổ chăm sóc tại nhà',
    minutes: 'Biên bản một cuộc họp',
    other: 'Một sổ khác của câu lạc bộ',
  },
};
