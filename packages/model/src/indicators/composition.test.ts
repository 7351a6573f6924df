import { describe, expect, it } from 'vitest';
import { addPerson, alice, newClub, TODAY, value } from '../../test/fixtures';
import { updateSettings } from '../club/club-commands';
import { readClub } from '../club/read-club';
import { markMemberLeft } from '../roster/member-commands';
import { getComposition, share } from './composition';

describe('share', () => {
  it('compares a percentage with its target', () => {
    expect(share(6, 10, 60, 70)).toEqual({ count: 6, pct: 60, min: 60, max: 70, status: 'within' });
    expect(share(5, 10, 60, 70).status).toBe('below');
    expect(share(8, 10, 60, 70).status).toBe('above');
    expect(share(0, 0, 60, 70)).toMatchObject({ pct: 0, status: 'below' });
    expect(share(3, 10, 0, null).status).toBe('noTarget');
    expect(share(3, 10, 20, null).status).toBe('within');
  });
});

describe('getComposition', () => {
  it('measures active members against the club settings', () => {
    const { doc } = newClub();
    addPerson(doc, { birthYear: 1950, household: 'poor' });
    addPerson(doc, { birthYear: 1955, ethnicMinority: true });
    addPerson(doc, { gender: 'male', birthYear: 1990, household: 'nearPoor' });
    addPerson(doc, { gender: 'male', birthYear: null });
    const gone = addPerson(doc, { birthYear: 1930 });
    value(markMemberLeft(doc, gone, { on: TODAY, reason: '' }, alice, TODAY));
    const c = getComposition(readClub(doc), TODAY);
    expect(c.total).toBe(4);
    expect(c.totalStatus).toBe('below');
    expect(c.women).toEqual({ count: 2, pct: 50, min: 60, max: 70, status: 'below' });
    // Unknown birth year counts in neither share; 2 of 3 known ages are 60+.
    expect(c.older.count).toBe(2);
    expect(c.older.pct).toBeCloseTo(66.67, 1);
    expect(c.older.status).toBe('within');
    expect(c.younger.count).toBe(1);
    expect(c.younger.status).toBe('within');
    expect(c.poorOrNearPoor).toEqual({ count: 2, pct: 50, min: 0, max: null, status: 'noTarget' });
    expect(c.ethnicMinority).toEqual({ count: 1, pct: 25 });
  });

  it('follows a province that counts older people from 55 and targets poor households', () => {
    const { doc } = newClub();
    addPerson(doc, { birthYear: 1968 });
    addPerson(doc, { birthYear: 1990 });
    value(updateSettings(doc, { olderAge: 55, poorMinPct: 70, memberMin: 1 }, alice));
    const c = getComposition(readClub(doc), TODAY);
    expect(c.older.count).toBe(1);
    expect(c.poorOrNearPoor.status).toBe('below');
    expect(c.totalStatus).toBe('within');
  });

  it('gives zeros for an empty club', () => {
    const c = getComposition(readClub(newClub().doc), TODAY);
    expect(c.total).toBe(0);
    expect(c.women.pct).toBe(0);
    expect(c.ethnicMinority).toEqual({ count: 0, pct: 0 });
  });
});
