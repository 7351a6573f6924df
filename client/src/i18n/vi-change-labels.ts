/**
 * Words for the minutes' late-changes list and version comparison: the field's label, never its key.
 * Kept out of vi.ts so these strings load with the minutes screens only.
 */
export const viChangeLabels = {
  fields: {
    date: 'Ngày họp',
    startedAt: 'Giờ bắt đầu',
    closedAt: 'Giờ kết thúc',
    place: 'Địa điểm',
    chairId: 'Chủ tọa',
    secretaryId: 'Thư ký',
    number: 'Số biên bản',
    recipients: 'Nơi nhận',
    healthChecksTaken: 'Có đo sức khỏe',
    printHealthChecks: 'In kết quả đo sức khỏe',
    title: 'Tiêu đề',
    decisions: 'Kết luận, quyết định',
    bodyText: 'Nội dung',
    removed: 'Bỏ khỏi chương trình',
    position: 'Thứ tự',
    what: 'Việc cần làm',
    responsibleId: 'Người phụ trách',
    due: 'Hạn',
    done: 'Đã xong',
    kind: 'Loại',
    memberId: 'Hội viên',
    amount: 'Số tiền',
    note: 'Ghi chú',
  },
  /** Shown for an author the roster does not know: a name is better than nothing, an id never. */
  unknownAuthor: 'một máy khác',
  /** A field this build has no label for (a newer tablet added it): a word, never the key. */
  otherField: 'Trường khác',
} as const;

export type ChangeLabels = {
  readonly fields: { readonly [K in keyof typeof viChangeLabels.fields]: string };
  readonly unknownAuthor: string;
  readonly otherField: string;
};
