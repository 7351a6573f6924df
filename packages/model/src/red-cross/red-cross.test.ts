import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addPerson, alice, bob, newClub, TODAY, value } from '../../test/fixtures';
import { expectConvergence, forkPeers, syncAll } from '../../test/peers';
import { followClub } from '../club/club-follower';
import { readClub } from '../club/read-club';
import {
  type ActivityInput,
  recordRedCrossActivity,
  registerVolunteer,
  resolveRedCrossConflict,
  updateRedCrossActivity,
  updateVolunteer,
  withdrawRedCrossActivity,
} from './red-cross-commands';
import { countRedCross } from './red-cross-counts';

const AT = '2026-03-20T08:00:00.000Z';

function chapter() {
  const { doc } = newClub({ name: 'Chi hội Chữ thập đỏ thôn Đông', kind: 'redCross' });
  const lan = addPerson(doc, { fullName: 'Nguyễn Thị Lan' });
  const hung = addPerson(doc, { fullName: 'Trần Văn Hùng', gender: 'male' });
  return { doc, lan, hung };
}

const drive = (overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  kind: 'bloodDrive',
  date: '2026-03-08',
  place: 'Nhà văn hóa thôn Đông',
  participants: 42,
  bloodUnits: 38,
  ...overrides,
});

describe('the volunteer register', () => {
  it('registers a member with skills, in the order of the register, and counts them by skill', () => {
    const { doc, lan, hung } = chapter();
    value(
      registerVolunteer(
        doc,
        { memberId: lan, since: '2025-05-01', skills: ['bloodDonation', 'firstAid'] },
        TODAY,
        alice,
        AT,
      ),
    );
    value(
      registerVolunteer(doc, { memberId: hung, since: '2026-01-10', skills: ['rescue'] }, TODAY, alice, AT),
    );
    const { redCross } = readClub(doc);
    expect(redCross.volunteers).toEqual([
      { memberId: lan, since: '2025-05-01', left: null, skills: ['firstAid', 'bloodDonation'] },
      { memberId: hung, since: '2026-01-10', left: null, skills: ['rescue'] },
    ]);
    const counts = countRedCross(redCross, '2026-01-01', '2026-03-31');
    expect(counts.volunteers).toBe(2);
    expect(counts.volunteersBySkill).toEqual({ firstAid: 1, bloodDonation: 1, rescue: 1, relief: 0 });
    // Hùng had not joined by the end of 2025.
    expect(countRedCross(redCross, '2025-01-01', '2025-12-31').volunteers).toBe(1);
  });

  it('refuses someone not on the roster, a future date and an unknown skill, writing nothing', () => {
    const { doc, lan } = chapter();
    const result = registerVolunteer(
      doc,
      { memberId: 'nobody-here-at-all' as never, since: '2027-01-01', skills: ['swimming' as never] },
      TODAY,
      alice,
      AT,
    );
    expect(result).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { memberId: 'required', since: 'dateInFuture', skills: 'required' } },
    });
    expect(readClub(doc).redCross.volunteers).toEqual([]);
    expect(updateVolunteer(doc, { memberId: lan, left: '2026-01-01' }, TODAY, alice, AT)).toMatchObject({
      ok: false,
      error: { type: 'notFound' },
    });
  });

  it('a volunteer who stopped is off the register from that day, and back when the date is cleared', () => {
    const { doc, lan } = chapter();
    value(
      registerVolunteer(doc, { memberId: lan, since: '2025-05-01', skills: ['relief'] }, TODAY, alice, AT),
    );
    expect(updateVolunteer(doc, { memberId: lan, left: '2025-01-01' }, TODAY, alice, AT)).toMatchObject({
      ok: false,
      error: { fields: { left: 'numberOrder' } },
    });
    value(updateVolunteer(doc, { memberId: lan, left: '2026-02-01' }, TODAY, alice, AT));
    expect(countRedCross(readClub(doc).redCross, '2026-01-01', '2026-03-31').volunteers).toBe(0);
    value(updateVolunteer(doc, { memberId: lan, left: null }, TODAY, alice, AT));
    expect(countRedCross(readClub(doc).redCross, '2026-01-01', '2026-03-31').volunteers).toBe(1);
  });

  it('one member registered on two tablets while apart is one entry with both tablets’ skills', () => {
    const { doc, lan } = chapter();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(
      registerVolunteer(a, { memberId: lan, since: '2025-05-01', skills: ['firstAid'] }, TODAY, alice, AT),
    );
    value(
      registerVolunteer(b, { memberId: lan, since: '2025-05-01', skills: ['bloodDonation'] }, TODAY, bob, AT),
    );
    const { redCross } = expectConvergence([a, b]);
    expect(redCross.volunteers).toEqual([
      { memberId: lan, since: '2025-05-01', left: null, skills: ['firstAid', 'bloodDonation'] },
    ]);
  });

  it('two different dates set while apart are both kept and flagged until someone chooses', () => {
    const { doc, lan } = chapter();
    value(registerVolunteer(doc, { memberId: lan, since: '2025-05-01', skills: [] }, TODAY, alice, AT));
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(updateVolunteer(a, { memberId: lan, since: '2025-04-01' }, TODAY, alice, '2026-03-20T09:00:00Z'));
    value(updateVolunteer(b, { memberId: lan, since: '2025-06-01' }, TODAY, bob, '2026-03-20T09:05:00Z'));
    const conflict = expectConvergence([a, b]).redCross.volunteers[0]?.conflicts?.[0];
    expect(conflict?.field).toBe('since');
    expect(conflict?.options.map((o) => [o.value, o.name])).toEqual([
      ['2025-04-01', 'Lan'],
      ['2025-06-01', 'Hùng'],
    ]);
    syncAll([a, b]);
    const chosen = conflict?.options[1]?.id ?? '';
    value(
      resolveRedCrossConflict(
        a,
        { record: 'volunteer', id: lan, field: 'since', writeId: chosen },
        alice,
        AT,
      ),
    );
    const settled = expectConvergence([a, b]).redCross.volunteers[0];
    expect(settled?.since).toBe('2025-06-01');
    expect(settled?.conflicts).toBeUndefined();
  });
});

describe('the activity log', () => {
  it('logs activities newest first and counts them by kind, with participants and units of blood', () => {
    const { doc } = chapter();
    value(recordRedCrossActivity(doc, drive(), TODAY, alice, AT));
    value(
      recordRedCrossActivity(
        doc,
        drive({ kind: 'firstAidTraining', date: '2026-03-15', participants: 25, bloodUnits: 0 }),
        TODAY,
        alice,
        AT,
      ),
    );
    value(
      recordRedCrossActivity(
        doc,
        drive({ kind: 'relief', date: '2025-11-02', participants: 60, bloodUnits: 0 }),
        TODAY,
        alice,
        AT,
      ),
    );
    const { redCross } = readClub(doc);
    expect(redCross.activities.map((a) => a.date)).toEqual(['2026-03-15', '2026-03-08', '2025-11-02']);
    const counts = countRedCross(redCross, '2026-01-01', '2026-06-30');
    expect(counts.activitiesByKind).toEqual({ bloodDrive: 1, relief: 0, firstAidTraining: 1, other: 0 });
    expect(counts.participants).toBe(67);
    expect(counts.bloodUnits).toBe(38);
  });

  it('refuses a future date, a negative or fractional count, and units of blood outside a blood drive', () => {
    const { doc } = chapter();
    const result = recordRedCrossActivity(
      doc,
      drive({ kind: 'relief', date: '2026-04-01', participants: -1, bloodUnits: 2.5 }),
      TODAY,
      alice,
      AT,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        type: 'invalid',
        fields: { date: 'dateInFuture', participants: 'numberRange', bloodUnits: 'numberRange' },
      },
    });
    expect(
      recordRedCrossActivity(doc, drive({ kind: 'relief', bloodUnits: 3 }), TODAY, alice, AT),
    ).toMatchObject({
      ok: false,
      error: { fields: { bloodUnits: 'numberRange' } },
    });
    expect(readClub(doc).redCross.activities).toEqual([]);
  });

  it('keeps activities logged on two tablets while apart, in every order', () => {
    const { doc } = chapter();
    const [a, b, c] = forkPeers(doc, 3) as [Y.Doc, Y.Doc, Y.Doc];
    value(recordRedCrossActivity(a, drive(), TODAY, alice, AT));
    value(
      recordRedCrossActivity(b, drive({ kind: 'relief', bloodUnits: 0, participants: 12 }), TODAY, bob, AT),
    );
    value(recordRedCrossActivity(c, drive({ participants: 30, bloodUnits: 28 }), TODAY, bob, AT));
    const counts = countRedCross(expectConvergence([a, b, c]).redCross, '2026-03-01', '2026-03-31');
    expect(counts.activitiesByKind.bloodDrive).toBe(2);
    expect(counts.activitiesByKind.relief).toBe(1);
    expect(counts.bloodUnits).toBe(66);
  });

  it('flags a count corrected differently on two tablets, never one corrected on one tablet only', () => {
    const { doc } = chapter();
    const id = value(recordRedCrossActivity(doc, drive(), TODAY, alice, AT));
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(
      updateRedCrossActivity(a, { activityId: id, participants: 45 }, TODAY, alice, '2026-03-20T09:00:00Z'),
    );
    value(
      updateRedCrossActivity(
        b,
        { activityId: id, participants: 48, place: 'Trạm y tế xã' },
        TODAY,
        bob,
        '2026-03-20T09:01:00Z',
      ),
    );
    const activity = expectConvergence([a, b]).redCross.activities[0];
    expect(activity?.place).toBe('Trạm y tế xã');
    expect(activity?.conflicts?.map((c) => [c.field, c.options.map((o) => o.value)])).toEqual([
      ['participants', [45, 48]],
    ]);
  });

  it('a withdrawn activity leaves the log and the counts', () => {
    const { doc } = chapter();
    const id = value(recordRedCrossActivity(doc, drive(), TODAY, alice, AT));
    value(withdrawRedCrossActivity(doc, { activityId: id, on: TODAY }, alice));
    expect(readClub(doc).redCross.activities).toEqual([]);
  });

  it('the club follower sees the register and the log change, as a full read does', () => {
    const { doc, lan } = chapter();
    const follower = followClub(doc);
    value(
      registerVolunteer(doc, { memberId: lan, since: '2025-05-01', skills: ['relief'] }, TODAY, alice, AT),
    );
    value(recordRedCrossActivity(doc, drive(), TODAY, alice, AT));
    const changes = follower.flush();
    expect(changes.redCross?.volunteers).toHaveLength(1);
    expect(follower.view()).toEqual(readClub(doc));
    follower.stop();
  });
});
