import { describe, expect, it } from 'vitest';
import { formatInvite, parseInvite } from './invite';
import { generateKey } from './key';

const clubId = 'club-0001';

describe('invites', () => {
  it('puts every secret in the fragment and round-trips through parseInvite', () => {
    const key = generateKey();
    const link = formatInvite({
      origin: 'https://ct.example/',
      clubId,
      clubName: 'Câu lạc bộ & Bạn',
      role: 'viewer',
      key,
    });
    expect(link.startsWith('https://ct.example/join#')).toBe(true);
    expect(link.split('#')[0]).not.toContain(key);
    const parsed = parseInvite(link);
    expect(parsed).toEqual({
      ok: true,
      value: { clubId, clubName: 'Câu lạc bộ & Bạn', role: 'viewer', key, origin: 'https://ct.example' },
    });
  });

  it('carries the viewer key in editor invites only, and checks it', () => {
    const key = generateKey();
    const viewerKey = generateKey();
    const input = { origin: 'https://ct.example', clubId, clubName: 'A', key, viewerKey };
    const editor = parseInvite(formatInvite({ ...input, role: 'editor' }));
    expect(editor.ok && editor.value.viewerKey).toBe(viewerKey);
    const viewer = parseInvite(formatInvite({ ...input, role: 'viewer' }));
    expect(viewer.ok && 'viewerKey' in viewer.value).toBe(false);
    expect(formatInvite({ ...input, role: 'viewer' })).not.toContain(viewerKey);
    const tampered = formatInvite({ ...input, role: 'editor' }).replace(viewerKey, 'short');
    expect(parseInvite(tampered)).toEqual({
      ok: false,
      error: { type: 'invalidInvite', reason: 'invalidKey' },
    });
  });

  it('carries the sync server when it is not the app, as an origin, and refuses a bad one', () => {
    const key = generateKey();
    const input = { origin: 'https://ct.example', clubId, clubName: 'A', role: 'editor' as const, key };
    const plain = parseInvite(formatInvite(input));
    expect(plain.ok && 'relay' in plain.value).toBe(false);
    const link = formatInvite({ ...input, relay: 'https://dongbo.tinh.vn:8443' });
    const parsed = parseInvite(link);
    expect(parsed.ok && parsed.value.relay).toBe('https://dongbo.tinh.vn:8443');
    expect(link.split('#')[0]).toBe('https://ct.example/join');
    for (const bad of ['ftp://x.vn', 'https://x.vn/sync', 'not a url', 'https://u:p@x.vn']) {
      expect(parseInvite(formatInvite({ ...input, relay: bad }))).toEqual({
        ok: false,
        error: { type: 'invalidInvite', reason: 'invalidRelay' },
      });
    }
  });

  it('accepts just the fragment, with or without #, and surrounding whitespace', () => {
    const key = generateKey();
    const fragment = formatInvite({ origin: 'http://x', clubId, clubName: 'A', role: 'editor', key }).split(
      '#',
    )[1];
    for (const text of [`#${fragment}`, `  ${fragment}\n`]) {
      const parsed = parseInvite(text);
      expect(parsed.ok && parsed.value.role).toBe('editor');
      expect(parsed.ok && parsed.value.origin).toBeUndefined();
    }
  });

  it('reports what is wrong with a bad invite', () => {
    const key = generateKey();
    const reason = (text: string) => {
      const parsed = parseInvite(text);
      return parsed.ok ? 'ok' : parsed.error.reason;
    };
    expect(reason(`c=${clubId}&k=${key}&r=e`)).toBe('missingField');
    expect(reason(`c=bad&k=${key}&r=e&n=x`)).toBe('invalidClubId');
    expect(reason(`c=${clubId}&k=short&r=e&n=x`)).toBe('invalidKey');
    expect(reason(`c=${clubId}&k=${key}&r=admin&n=x`)).toBe('invalidRole');
    expect(reason(`c=${clubId}&k=${key}&r=e&n=%E0%A4%A`)).toBe('invalidEncoding');
    expect(reason('hello')).toBe('missingField');
  });
});
