import type { ApiErrorType } from '@chungtay/protocol';
import { describe, expect, it } from 'vitest';
import type { ShareError } from '../../device/club-access';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { shareErrorMessage } from './share-errors';

const every: Record<ApiErrorType, true> = {
  invalidClubId: true,
  invalidBody: true,
  registrationCodeRequired: true,
  alreadyRegisteredWithOtherKeys: true,
  unauthorized: true,
  keyRevoked: true,
  clubNotRegistered: true,
  notFound: true,
  bodyTooLarge: true,
  tooManyAttempts: true,
  tabletTaken: true,
  tabletRevoked: true,
};

function words(catalogue: typeof vi, key: string): string {
  const [section, name] = key.split('.') as [keyof typeof vi, string];
  return String((catalogue[section] as Record<string, unknown>)[name]);
}

describe('shareErrorMessage', () => {
  it('says every refusal in words in both languages, never as the relay’s code', () => {
    const refusals: ShareError[] = [
      ...Object.keys(every).map((error) => ({ type: 'relay', error }) as ShareError),
      { type: 'relay', error: 'unknown' },
      // An answer from a newer or foreign server: the client validates nothing it shows.
      { type: 'relay', error: 'somethingNew' as 'unknown' },
      { type: 'network' },
    ];
    for (const refusal of refusals) {
      const key = shareErrorMessage(refusal);
      for (const catalogue of [vi, en]) {
        const text = words(catalogue, key);
        expect(text.length).toBeGreaterThan(20);
        if (refusal.type === 'relay') expect(text).not.toContain(refusal.error);
        expect(text).not.toContain('{{');
      }
    }
  });

  it('tells a missing registration code and a revoked key apart from other refusals', () => {
    const code = shareErrorMessage({ type: 'relay', error: 'registrationCodeRequired' });
    expect(words(vi, code)).toContain('mã đăng ký');
    expect(words(vi, shareErrorMessage({ type: 'relay', error: 'keyRevoked' }))).toContain('thu hồi');
    expect(shareErrorMessage({ type: 'relay', error: 'notFound' })).toBe('share.errorRelay');
    expect(shareErrorMessage({ type: 'relay', error: 'tooManyAttempts' })).toBe('share.errorBusy');
  });
});
