// What a meeting whose minutes are approved says about its locked attendance and money (issue 12 §4),
// loaded with the meeting, minutes and money screens through `createSectionTranslator`, not wired into
// vi.ts: the roster's first chunk must not carry words of screens most opens never show.
export const viMeetingLock = {
  attendance: {
    line: 'Biên bản buổi này đã được duyệt ngày {{ date }}, nên điểm danh đã khóa và chỉ để xem. Muốn sửa, Chủ nhiệm mở lại biên bản.',
    refused: 'Biên bản buổi này đã được duyệt nên điểm danh đã khóa; dấu này chưa được ghi.',
    late: '{{ count }} dấu điểm danh được ghi trên máy khác trước khi máy đó biết biên bản đã duyệt. Các dấu này vẫn được giữ và có trong danh sách thay đổi sau khi duyệt của biên bản.',
  },
  late: {
    title: 'Điểm danh trên trang buổi họp, ghi sau khi duyệt',
    item: '{{ name }}: lúc duyệt {{ approved }}, nay {{ current }}',
    unmarked: 'chưa điểm danh',
  },
};
