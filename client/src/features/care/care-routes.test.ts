import { describe, expect, it } from 'vitest';
import { resolveCareRoute } from './care-routes';

describe('resolveCareRoute', () => {
  it('picks the list, the print page or a pairing from what follows /care/', () => {
    expect(resolveCareRoute(undefined)).toEqual({ page: 'list' });
    expect(resolveCareRoute('')).toEqual({ page: 'list' });
    expect(resolveCareRoute('print')).toEqual({ page: 'print' });
    expect(resolveCareRoute('abcdefgh12')).toEqual({ page: 'pairing', id: 'abcdefgh12' });
    expect(resolveCareRoute('abcdefgh12/more')).toEqual({ page: 'notFound' });
  });
});
