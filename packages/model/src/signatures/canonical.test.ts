import { describe, expect, it } from 'vitest';
import { newMinutes } from '../../test/minutes-fixtures';
import { readMinutesContent } from '../minutes/read-minutes';
import { canonicalJson, canonicalStatement } from './canonical';
import { approvalStatement } from './verify-signatures';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes the bytes', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true } })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
    expect(canonicalJson({ a: { c: true, d: [1, 'x', null] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true } }),
    );
  });

  it('drops undefined members and refuses what JSON cannot say exactly', () => {
    expect(canonicalJson({ a: undefined, b: 'ừ' })).toBe('{"b":"ừ"}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: 1n })).toThrow();
  });
});

describe('canonicalStatement', () => {
  it('is the same for the same minutes read on two tablets, and differs when anyone or anything differs', () => {
    const doc = newMinutes();
    const content = readMinutesContent(doc);
    const ids = { clubId: null, meetingId: null };
    const signed = {
      by: content.header.chairId ?? ('' as never),
      at: '2026-03-20T10:30:00.000Z',
      tablet: 'tab-a-0001',
    };
    const one = canonicalStatement(approvalStatement(ids, 'chair', signed, content));
    const copy = JSON.parse(JSON.stringify(content)) as typeof content;
    expect(canonicalStatement(approvalStatement(ids, 'chair', signed, copy))).toBe(one);
    expect(canonicalStatement(approvalStatement(ids, 'secretary', signed, content))).not.toBe(one);
    expect(
      canonicalStatement(approvalStatement(ids, 'chair', { ...signed, tablet: 'tab-b-0001' }, content)),
    ).not.toBe(one);
    const placeChanged = { ...content, header: { ...content.header, place: 'Nhà ông Hùng' } };
    expect(canonicalStatement(approvalStatement(ids, 'chair', signed, placeChanged))).not.toBe(one);
    expect(one.startsWith('chungtay-minutes-signature/1\n')).toBe(true);
  });
});
