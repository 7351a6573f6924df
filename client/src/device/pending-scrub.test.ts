// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { forgetScrubs, markScrubbed, scrubsPending } from './pending-scrub';

afterEach(() => localStorage.clear());

describe('the scrubs this tablet still owes', () => {
  it('owes one for every erased member until it is marked done, per club', () => {
    expect(scrubsPending('club-1', ['m1', 'm2'])).toEqual(['m1', 'm2']);
    markScrubbed('club-1', ['m1']);
    expect(scrubsPending('club-1', ['m1', 'm2'])).toEqual(['m2']);
    // Another club's erasures are its own.
    expect(scrubsPending('club-2', ['m1'])).toEqual(['m1']);
    markScrubbed('club-1', ['m2']);
    expect(scrubsPending('club-1', ['m1', 'm2'])).toEqual([]);
  });

  it('a scrub never marked (the tablet closed mid-way) is still owed on the next read', () => {
    markScrubbed('club-1', ['m1']);
    // A second erasure arrives; its scrub starts and the page closes before markScrubbed.
    expect(scrubsPending('club-1', ['m1', 'm3'])).toEqual(['m3']);
    expect(scrubsPending('club-1', ['m1', 'm3'])).toEqual(['m3']);
  });

  it('distrusts a damaged record: whatever it cannot read is owed again', () => {
    localStorage.setItem('chungtay.scrubbed.club-1', '{not json');
    expect(scrubsPending('club-1', ['m1'])).toEqual(['m1']);
    localStorage.setItem('chungtay.scrubbed.club-1', JSON.stringify(['m1', 7, null]));
    expect(scrubsPending('club-1', ['m1', 'm2'])).toEqual(['m2']);
  });

  it('forgets a removed club', () => {
    markScrubbed('club-1', ['m1']);
    forgetScrubs('club-1');
    expect(scrubsPending('club-1', ['m1'])).toEqual(['m1']);
  });
});
