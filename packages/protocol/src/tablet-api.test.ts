import { describe, expect, it } from 'vitest';
import { generateKey } from './key';
import { parseRegisterTabletRequest, parseTabletList, revokeTabletPath, tabletsPath } from './tablet-api';

describe('tablet keys API', () => {
  it('names its paths under the club', () => {
    expect(tabletsPath('club-0001')).toBe('/api/clubs/club-0001/tablets');
    expect(revokeTabletPath('club-0001', 'tablet-0001')).toBe(
      '/api/clubs/club-0001/tablets/tablet-0001/revoke',
    );
  });

  it('accepts a tablet id, a well-formed key and an optional person, and refuses the rest in words', () => {
    const tabletKey = generateKey();
    const good = parseRegisterTabletRequest({ tabletId: 'abcd1234EF', tabletKey });
    expect(good).toEqual({ ok: true, value: { tabletId: 'abcd1234EF', tabletKey, person: '' } });
    const withPerson = parseRegisterTabletRequest({
      tabletId: 'abcd1234EF',
      tabletKey,
      person: 'member-lan-0001',
    });
    expect(withPerson.ok && withPerson.value.person).toBe('member-lan-0001');
    for (const body of [
      null,
      [],
      { tabletId: 'short', tabletKey },
      { tabletId: 'abcd1234EF', tabletKey: 'not-a-key' },
      { tabletId: 'abcd1234EF', tabletKey, person: '<script>' },
    ]) {
      const parsed = parseRegisterTabletRequest(body);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.reason.length).toBeGreaterThan(0);
    }
  });

  it("reads a relay's list of tablets and rejects one that is not a list of tablets", () => {
    const list = {
      tablets: [{ tabletId: 'abcd1234EF', person: '', registeredAt: 1, lastSeenAt: null, revokedAt: 5 }],
    };
    expect(parseTabletList(list)).toEqual(list);
    expect(parseTabletList({ tablets: [{ tabletId: 'x', person: '', registeredAt: 1 }] })).toBeUndefined();
    expect(parseTabletList({})).toBeUndefined();
  });
});
