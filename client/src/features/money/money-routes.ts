/**
 * The money screens under /club/:id/money/…, resolved inside the money chunk. The app declares one lazy
 * route for all of them, so the roster's first chunk carries one import and its preload list, not ten.
 */
export type MoneyRoute =
  | { readonly page: 'funds' | 'loans' | 'newLoan' | 'indicators' | 'ledger' | 'overdue' | 'rules' }
  | { readonly page: 'fund' | 'fundPrint' | 'loan' | 'meeting' | 'member'; readonly id: string }
  | { readonly page: 'notFound' };

const WITH_ID: Readonly<Record<string, 'fund' | 'loan' | 'meeting' | 'member'>> = {
  funds: 'fund',
  loans: 'loan',
  meeting: 'meeting',
  members: 'member',
};

/** `rest` is what follows /money/ ("", "loans", "loans/new", "funds/income", …). */
export function resolveMoneyRoute(rest: string | undefined): MoneyRoute {
  const parts = (rest ?? '').split('/').filter((p) => p !== '');
  const [first, second, ...more] = parts;
  // funds/:fundId/print is the only three-part path: the cash book on A4 (its period rides in ?from=&to=).
  if (first === 'funds' && second !== undefined && more.length === 1 && more[0] === 'print')
    return { page: 'fundPrint', id: decodeURIComponent(second) };
  if (more.length > 0) return { page: 'notFound' };
  if (first === undefined) return { page: 'funds' };
  if (second === undefined) {
    if (first === 'loans') return { page: 'loans' };
    if (first === 'indicators') return { page: 'indicators' };
    if (first === 'ledger') return { page: 'ledger' };
    if (first === 'rules') return { page: 'rules' };
    return { page: 'notFound' };
  }
  if (first === 'loans' && second === 'new') return { page: 'newLoan' };
  if (first === 'loans' && second === 'overdue') return { page: 'overdue' };
  const page = WITH_ID[first];
  return page === undefined ? { page: 'notFound' } : { page, id: decodeURIComponent(second) };
}
