import { describe, expect, it } from 'vitest';
import { memberInput, TODAY } from '../../test/fixtures';
import { normalizeMemberInput, validateMemberInput } from './validate-member';

describe('validateMemberInput', () => {
  it('accepts a complete, sensible member', () => {
    expect(validateMemberInput(memberInput(), TODAY)).toBeNull();
    expect(
      validateMemberInput(memberInput({ phone: '', birthYear: null, joinedOn: null }), TODAY),
    ).toBeNull();
  });

  it('requires a name, even when the form has not set one yet', () => {
    expect(validateMemberInput({}, TODAY)).toEqual({ type: 'invalid', fields: { fullName: 'required' } });
    expect(validateMemberInput({ fullName: '   ' }, TODAY)).toEqual({
      type: 'invalid',
      fields: { fullName: 'required' },
    });
  });

  it('reports each bad field with its error type', () => {
    expect(
      validateMemberInput(
        {
          fullName: 'x'.repeat(101),
          birthYear: 2027,
          phone: '12345',
          joinedOn: '2026-04-01',
          notes: 'y'.repeat(2001),
          hamlet: 'z'.repeat(101),
        },
        TODAY,
      ),
    ).toEqual({
      type: 'invalid',
      fields: {
        fullName: 'tooLong',
        birthYear: 'birthYearRange',
        phone: 'phoneFormat',
        joinedOn: 'dateInFuture',
        notes: 'tooLong',
        hamlet: 'tooLong',
      },
    });
    expect(validateMemberInput({ fullName: 'An', joinedOn: '2026-02-30' }, TODAY)).toEqual({
      type: 'invalid',
      fields: { joinedOn: 'dateFormat' },
    });
  });

  it('trims text and collapses spaces inside names', () => {
    expect(normalizeMemberInput({ fullName: ' Trần  Văn   An ', phone: ' 0912 ', role: 'chair' })).toEqual({
      fullName: 'Trần Văn An',
      phone: '0912',
      role: 'chair',
    });
  });
});
