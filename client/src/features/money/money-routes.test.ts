import { describe, expect, it } from 'vitest';
import { resolveMoneyRoute } from './money-routes';

describe('the money section resolves its own paths', () => {
  it('finds each screen and its id', () => {
    expect(resolveMoneyRoute(undefined)).toEqual({ page: 'funds' });
    expect(resolveMoneyRoute('')).toEqual({ page: 'funds' });
    expect(resolveMoneyRoute('loans')).toEqual({ page: 'loans' });
    expect(resolveMoneyRoute('loans/new')).toEqual({ page: 'newLoan' });
    expect(resolveMoneyRoute('loans/overdue')).toEqual({ page: 'overdue' });
    expect(resolveMoneyRoute('loans/L1')).toEqual({ page: 'loan', id: 'L1' });
    expect(resolveMoneyRoute('funds/income')).toEqual({ page: 'fund', id: 'income' });
    expect(resolveMoneyRoute('meeting/M1/')).toEqual({ page: 'meeting', id: 'M1' });
    expect(resolveMoneyRoute('members/P1')).toEqual({ page: 'member', id: 'P1' });
    expect(resolveMoneyRoute('indicators')).toEqual({ page: 'indicators' });
    expect(resolveMoneyRoute('ledger')).toEqual({ page: 'ledger' });
    expect(resolveMoneyRoute('rules')).toEqual({ page: 'rules' });
    expect(resolveMoneyRoute('funds/activity/print')).toEqual({ page: 'fundPrint', id: 'activity' });
    expect(resolveMoneyRoute('funds/my%20fund/print/')).toEqual({ page: 'fundPrint', id: 'my fund' });
  });

  it('says when a path names no money screen', () => {
    expect(resolveMoneyRoute('nothing')).toEqual({ page: 'notFound' });
    expect(resolveMoneyRoute('loans/L1/extra')).toEqual({ page: 'notFound' });
    expect(resolveMoneyRoute('loans/L1/print')).toEqual({ page: 'notFound' });
    expect(resolveMoneyRoute('funds/activity/print/more')).toEqual({ page: 'notFound' });
  });
});
