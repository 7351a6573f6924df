import type { Member, MemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields';

const lan: Member = {
  id: 'member-lan-0001' as MemberId,
  fullName: 'Nguyễn Thị Lan',
  gender: 'female',
  birthYear: 1956,
  phone: '0912 345 678',
  hamlet: 'thôn Đông',
  household: 'poor',
  ethnicMinority: false,
  joinedOn: '2024-01-10',
  role: 'none',
  notes: 'Sống một mình',
  consent: null,
  left: null,
  mergedInto: null,
  createdAt: 0,
  createdBy: 'hoa',
};
const { id: _id, consent: _c, left: _l, mergedInto: _m, createdAt: _a, createdBy: _b, ...asForm } = lan;

describe('changedFields', () => {
  it('sends nothing for a form saved as it opened', () => {
    expect(changedFields(asForm, lan)).toEqual({});
  });

  it('sends only what was changed, so the rest cannot undo another tablet’s edit', () => {
    expect(changedFields({ ...asForm, phone: '0987 654 321', birthYear: null }, lan)).toEqual({
      phone: '0987 654 321',
      birthYear: null,
    });
  });
});
