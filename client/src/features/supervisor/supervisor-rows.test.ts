import type { ClubSummary } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { arrangeLines, toLine } from './supervisor-rows';

function summary(name: string, district: string, commune: string, total: number, women: number): ClubSummary {
  return {
    clubId: name,
    computedAt: '2026-03-20T08:00:00.000Z',
    club: { name, kind: 'selfHelp', hamlet: '', commune, district, province: '' },
    targets: { memberMin: 50, memberMax: 70, womenMinPct: 60, olderMinPct: 60, poorMinPct: 0, olderAge: 60 },
    members: { total, women, ageKnown: total, older: total, poorOrNearPoor: 0, ethnicMinority: 0 },
    meetings: [{ month: '2026-03', held: 1, present: total, roster: total }],
    groups: [],
    health: null,
    money: null,
    redCross: null,
    reports: [],
  };
}

const TODAY = '2026-03-20';

describe('the supervisor’s lines', () => {
  it('show a club without figures by its invite name, waiting', () => {
    const line = toLine({ id: 'c1', inviteName: 'CLB Đông', summary: null }, TODAY);
    expect(line).toMatchObject({ name: 'CLB Đông', row: null, updatedAt: null });
  });

  it('carry a Red Cross chapter’s counts, and none for another club', () => {
    const counts = {
      volunteers: 2,
      volunteersBySkill: { firstAid: 1, bloodDonation: 1, rescue: 1, relief: 1 },
      activitiesByKind: { bloodDrive: 1, relief: 1, firstAidTraining: 1, other: 0 },
      participants: 82,
      bloodUnits: 38,
    };
    const club = summary('Chi hội Chữ thập đỏ thôn Đông', 'huyện Đông', 'xã Bình', 2, 1);
    const chapter = { ...club, club: { ...club.club, kind: 'redCross' as const }, redCross: counts };
    expect(toLine({ id: 'rc', inviteName: '', summary: chapter }, TODAY).redCross).toEqual(counts);
    expect(toLine({ id: 'a', inviteName: '', summary: club }, TODAY).redCross).toBeNull();
    expect(toLine({ id: 'w', inviteName: 'CLB Đông', summary: null }, TODAY).redCross).toBeNull();
  });

  it('filter by district and commune and sort by place, members or targets missed', () => {
    const lines = [
      toLine(
        { id: 'a', inviteName: '', summary: summary('CLB Ấp Bắc', 'huyện Đông', 'xã Bình', 58, 40) },
        TODAY,
      ),
      toLine(
        { id: 'b', inviteName: '', summary: summary('CLB An Hòa', 'huyện Đông', 'xã An', 30, 10) },
        TODAY,
      ),
      toLine(
        { id: 'c', inviteName: '', summary: summary('CLB Cầu Tre', 'huyện Tây', 'xã Cầu', 65, 45) },
        TODAY,
      ),
    ];
    const ids = (sort: Parameters<typeof arrangeLines>[2], district = '', commune = '') =>
      arrangeLines(lines, { district, commune }, sort).map((l) => l.id);
    expect(ids('place')).toEqual(['b', 'a', 'c']);
    expect(ids('members')).toEqual(['c', 'a', 'b']);
    expect(ids('below')[0]).toBe('b');
    expect(ids('place', 'huyện Đông')).toEqual(['b', 'a']);
    expect(ids('place', 'huyện Đông', 'xã Bình')).toEqual(['a']);
    expect(lines[1]?.row?.below).toEqual(['members', 'women']);
  });
});
