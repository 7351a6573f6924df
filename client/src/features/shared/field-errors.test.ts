import { describe, expect, it } from 'vitest';
import { currentErrors } from './field-errors';

describe('currentErrors', () => {
  it('drops the error of a field filled in since it was checked and keeps the others', () => {
    const checked = { name: '', yourName: '', foundedOn: '31/02/2026' };
    const errors = { name: 'required', yourName: 'required', foundedOn: 'dateFormat' } as const;
    expect(currentErrors(errors, checked, { ...checked, name: 'CLB Đông Hòa' })).toEqual({
      yourName: 'required',
      foundedOn: 'dateFormat',
    });
  });

  it('shows the error again when the field goes back to the value that failed', () => {
    const checked = { name: '' };
    expect(currentErrors({ name: 'required' }, checked, { name: '' })).toEqual({ name: 'required' });
  });

  it('keeps errors the model gave for fields that are not in the form values', () => {
    expect(currentErrors({ club: 'tooLong' }, {}, { name: 'x' })).toEqual({ club: 'tooLong' });
  });
});
