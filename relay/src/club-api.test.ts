import { generateKey } from '@chungtay/protocol';
import { describe, expect, it } from 'vitest';
import { type ClubApiContext, registerClub } from './club-api';
import { REGISTRATION_CODE_BURST, REGISTRATION_CODE_REFILL_PER_SECOND, TokenBucket } from './limits';
import { Metrics } from './metrics';
import { MemoryClubRegistry } from './store/memory-club-registry';

describe('registration code attempts', () => {
  it('are refused while the relay-wide budget of failures is spent, and allowed again as it refills', async () => {
    let now = 0;
    const context: ClubApiContext = {
      clubs: new MemoryClubRegistry(),
      registrationCode: 'correct-horse-battery-staple',
      onKeysRotated: () => undefined,
      onClubDeleted: async () => undefined,
      failedCodes: new TokenBucket(REGISTRATION_CODE_REFILL_PER_SECOND, REGISTRATION_CODE_BURST, now),
      metrics: new Metrics(),
      now: () => now,
    };
    let club = 0;
    const attempt = async (registrationCode?: string) =>
      (
        await registerClub(context, `club-number-${++club}`, {
          editorKey: generateKey(),
          viewerKey: generateKey(),
          ...(registrationCode === undefined ? {} : { registrationCode }),
        })
      ).status;
    for (let i = 0; i < REGISTRATION_CODE_BURST; i++) expect(await attempt(`guess ${i}`)).toBe(403);
    expect(await attempt('guess')).toBe(429);
    expect(await attempt('correct-horse-battery-staple')).toBe(429);
    expect(await attempt()).toBe(403);
    now = 5_900;
    expect(await attempt('correct-horse-battery-staple')).toBe(429);
    now = 6_000;
    expect(await attempt('correct-horse-battery-staple')).toBe(201);
    expect(await attempt('guess')).toBe(403);
    expect(await attempt('correct-horse-battery-staple')).toBe(429);
  });
});
