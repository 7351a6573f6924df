import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId } from '../ids/ids';
import { followMoney } from './follow-money';
import { recordRepayment } from './loan-commands';
import { createLoanStateCache, listLoanStates } from './loan-state';
import { CLUB, clockAt, ok, treasurer } from './money-fixtures';
import { seedSampleMoney } from './sample-money';

describe('listLoanStates with a cache', () => {
  it('recomputes only the loan a repayment touched, and always equals the uncached states', () => {
    const doc = new Y.Doc();
    const memberIds = Array.from(
      { length: 12 },
      (_, i) => `cache-member-${String(i).padStart(5, '0')}` as MemberId,
    );
    seedSampleMoney(doc, { clubId: CLUB, memberIds, today: '2026-06-30', months: 8 }, treasurer);
    // The follower keeps each loan's object across batches, as the client's projection does.
    const follower = followMoney(doc, () => undefined);
    const cache = createLoanStateCache();
    const today = '2026-07-10';
    const before = listLoanStates(follower.view(), today, cache);
    expect(before).toEqual(listLoanStates(follower.view(), today));
    const owing = before.find((s) => s.due.total > 0 && s.due.principal + s.due.interest > 0);
    if (owing === undefined) throw new Error('the sample has no loan due');
    ok(
      recordRepayment(
        doc,
        { loanId: owing.loan.id, principal: owing.due.principal, interest: owing.due.interest, date: today },
        treasurer,
        clockAt(today),
      ),
    );
    follower.flush();
    const after = listLoanStates(follower.view(), today, cache);
    expect(after).toEqual(listLoanStates(follower.view(), today));
    const byId = new Map(before.map((s) => [s.loan.id, s]));
    for (const state of after) {
      if (state.loan.id === owing.loan.id) {
        expect(state).not.toBe(byId.get(state.loan.id));
        expect(state.due.total).toBe(owing.due.penalty);
      } else expect(state).toBe(byId.get(state.loan.id));
    }
    // Another day recomputes them all: interest and lateness depend on it.
    const later = listLoanStates(follower.view(), '2026-08-20', cache);
    expect(later.every((s) => s !== byId.get(s.loan.id))).toBe(true);
    follower.stop();
  });
});
