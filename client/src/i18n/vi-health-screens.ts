// The health screens' own words (the member's chart, a locked meeting, two tablets' values), loaded with
// those lazy screens through `useHealthI18n` (features/health-check/health-i18n.ts), not wired into vi.ts:
// there they would ride in the roster's first chunk, which must not grow for screens most opens never show.
export const viHealthScreens = {
  chart: {
    title: 'Biểu đồ qua các lần đo',
    failed:
      'Chưa vẽ được biểu đồ trên máy này (cần mạng một lần để tải phần vẽ). Bảng dưới có đủ các lần đo.',
    band: {
      high: 'Cao: từ {{ threshold }}',
      low: 'Thấp: dưới {{ threshold }}',
    },
    summary:
      '{{ measure }}: {{ count }} lần đo từ {{ from }} đến {{ to }}; lần gần nhất {{ last }} ngày {{ lastDay }}.',
  },
  locked: {
    line: 'Biên bản buổi này đã được duyệt ngày {{ date }}, nên các số đo đã khóa và chỉ để xem. Muốn sửa, Chủ nhiệm mở lại biên bản.',
    short: 'Biên bản buổi này đã được duyệt nên số đo đã khóa; chưa ghi số này.',
  },
  conflictQuestion: 'giữ số nào?',
  tableTitle: 'Bảng các lần đo',
};
