import type { MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import * as Y from 'yjs';

export interface BenchClub {
  clubId: string;
  /** The whole doc as one update, as a compacted tablet stores it. */
  update: Uint8Array;
  transactions: number;
  /** Each transaction's own update, in order, when asked for (a tablet that never compacted stores these). */
  updates: Uint8Array[];
}

/**
 * A club as the benchmark needs it: 70 members, 60 meetings (one a month: five
 * years) and their edit history, written as many small transactions the way a
 * committee would (attendance corrected, phones changed, people moved between
 * groups). `meetings` shortens or lengthens the history, one meeting a month;
 * `members` makes a larger club with the same history per member.
 */
export function buildFiveYearClub(
  meetings = 60,
  options: { members?: number; recordUpdates?: boolean } = {},
): BenchClub {
  const memberCount = options.members ?? 70;
  const doc = new Y.Doc();
  const origin = model.localOrigin({ id: 'bench', name: 'Thư ký' });
  let transactions = 0;
  const updates: Uint8Array[] = [];
  doc.on('afterTransaction', () => {
    transactions += 1;
  });
  if (options.recordUpdates) doc.on('update', (u: Uint8Array) => updates.push(u));
  const must = <T>(r: model.Result<T, unknown>): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  const clubId = must(
    model.createClub(
      doc,
      { name: 'CLB Liên thế hệ tự giúp nhau thôn Đông', kind: 'selfHelp', commune: 'xã Nga Thạch' },
      origin,
      '2021-01-10',
    ),
  );
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Mai', 'Đỗ', 'Bùi', 'Đặng'];
  const given = [
    'Lan',
    'Hoa',
    'Bình',
    'An',
    'Hương',
    'Minh',
    'Thu',
    'Hồng',
    'Sơn',
    'Đức',
    'Mai',
    'Cúc',
    'Tâm',
    'Nga',
  ];
  const members: MemberId[] = [];
  for (let i = 0; i < memberCount; i++) {
    members.push(
      must(
        model.addMember(
          doc,
          {
            fullName: `${family[i % family.length]} ${i % 3 === 0 ? 'Văn' : 'Thị'} ${given[i % given.length]} ${i}`,
            gender: i % 3 === 0 ? 'male' : 'female',
            birthYear: 1940 + (i % 50),
            phone: `09${String(10_000_000 + i * 7919)}`,
            hamlet: ['thôn Đông', 'thôn Tây', 'thôn Trung'][i % 3] ?? '',
            household: i % 7 === 0 ? 'poor' : i % 5 === 0 ? 'nearPoor' : 'none',
            ethnicMinority: i % 17 === 0,
            joinedOn: '2021-01-10',
            role: 'none',
            notes: '',
          },
          origin,
          '2021-01-10',
        ),
      ),
    );
  }
  const groups = model.readClub(doc).groups;
  for (const [i, m] of members.entries()) {
    must(model.assignToGroup(doc, { groupId: groups[i % groups.length]!.id, memberId: m }, origin));
  }
  for (let month = 0; month < meetings; month++) {
    const year = 2021 + Math.floor(month / 12);
    const date = `${year}-${String((month % 12) + 1).padStart(2, '0')}-15`;
    const meetingId = must(
      model.addMeeting(
        doc,
        {
          date,
          time: '08:00',
          kind: month % 12 === 11 ? 'annual' : 'regular',
          place: 'Nhà văn hóa thôn',
          chairId: members[0]!,
          secretaryId: members[1]!,
        },
        origin,
        date,
      ),
    );
    members.forEach((m, i) => {
      must(
        model.setAttendance(
          doc,
          { meetingId, memberId: m, status: (i + month) % 9 === 0 ? 'absent' : 'present' },
          origin,
        ),
      );
    });
    // Corrections after the meeting: some marks change, details are updated.
    for (let k = 0; k < 8; k++) {
      const m = members[(month * 8 + k) % members.length]!;
      must(model.setAttendance(doc, { meetingId, memberId: m, status: 'excused' }, origin));
    }
    const who = members[month % members.length]!;
    must(
      model.updateMember(
        doc,
        who,
        { phone: `08${String(20_000_000 + month * 131)}`, notes: `Cập nhật tháng ${month + 1}` },
        origin,
        date,
      ),
    );
    const moved = members[(month * 3) % members.length]!;
    const from = groups[month % groups.length]!.id;
    const to = groups[(month + 1) % groups.length]!.id;
    model.removeFromGroup(doc, { groupId: from, memberId: moved }, origin);
    must(model.assignToGroup(doc, { groupId: to, memberId: moved }, origin));
  }
  return { clubId, update: Y.encodeStateAsUpdate(doc), transactions, updates };
}

/**
 * Every meeting's minutes as its own document (`chungtay-minutes-<club>-<meeting>`), as a tablet that kept
 * minutes for five years holds them: five agenda items of a few paragraphs, typed a paragraph at a time.
 * The roster never opens them; they are there because they share the origin's IndexedDB with the club.
 */
export function buildClubMinutes(club: { clubId: string; update: Uint8Array }): {
  name: string;
  update: Uint8Array;
}[] {
  const clubDoc = new Y.Doc();
  Y.applyUpdate(clubDoc, club.update);
  const origin = model.localOrigin({ id: 'bench', name: 'Thư ký' });
  const words =
    'hội viên báo cáo quỹ tăng thu nhập tháng này đã thu đủ các tổ thăm hỏi người ốm giúp nhau'.split(' ');
  return model.readClub(clubDoc).meetings.map((meeting, m) => {
    const doc = model.createMinutesDoc();
    const input = model.minutesInputFromMeeting(club.clubId as model.ClubId, meeting);
    const created = model.createMinutes(doc, input, origin);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    for (let i = 0; i < 5; i++) {
      const item = model.addAgendaItem(doc, { title: `Mục ${i + 1}` }, origin);
      if (!item.ok) throw new Error(JSON.stringify(item.error));
      const body = model.getAgendaBody(doc, item.value);
      if (!body) throw new Error('no agenda body');
      for (let p = 0; p < 4; p++) {
        const text = Array.from({ length: 40 }, (_, k) => words[(m + i * 7 + p * 3 + k) % words.length]);
        doc.transact(() => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(text.join(' '))]);
          body.insert(body.length, [paragraph]);
        }, origin);
      }
    }
    return { name: `chungtay-minutes-${club.clubId}-${meeting.id}`, update: Y.encodeStateAsUpdate(doc) };
  });
}
