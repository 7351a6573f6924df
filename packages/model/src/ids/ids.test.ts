import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ID_PATTERN,
  isIsoDate,
  newClubId,
  newGroupId,
  newMeetingId,
  newMemberId,
  yearOf,
} from './ids';

describe('ids', () => {
  it('makes 22-character ids the relay accepts', () => {
    for (const make of [newClubId, newMemberId, newGroupId, newMeetingId]) {
      const id = make();
      expect(id).toHaveLength(22);
      expect(ID_PATTERN.test(id)).toBe(true);
    }
  });

  it('does not repeat ids across many draws', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newMemberId()));
    expect(ids.size).toBe(2000);
  });

  it('uses the whole alphabet, so ids carry about 132 bits', () => {
    const chars = new Set(Array.from({ length: 500 }, () => newClubId()).join(''));
    expect(chars.size).toBe(64);
  });
});

describe('iso dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('01/02/2025')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });

  it('reads the year and shifts by months with clamping', () => {
    expect(yearOf('2025-06-01')).toBe(2025);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addMonths('2025-03-15', -15)).toBe('2023-12-15');
  });
});
