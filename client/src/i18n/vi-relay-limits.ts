// What the app says when the sync server refuses for its operator's limits (close codes 4006, 4413, 4414).
// Wired into vi.ts as `relayLimits`; each says that nothing is lost and who can help.
export const viRelayLimits = {
  busy: 'Máy chủ đồng bộ đang quá đông người dùng. Thay đổi vẫn được lưu trên máy này; ứng dụng sẽ tự thử lại.',
  documentQuotaExceeded:
    'Câu lạc bộ đã dùng hết số sổ được lưu trên máy chủ đồng bộ, nên phần này chưa được gửi lên. Nội dung vẫn được lưu trên máy này. Hãy báo người quản lý máy chủ.',
  storageQuotaExceeded:
    'Câu lạc bộ đã dùng hết dung lượng trên máy chủ đồng bộ, nên thay đổi mới chưa được gửi lên. Mọi thay đổi vẫn được lưu trên máy này. Hãy báo người quản lý máy chủ.',
};
