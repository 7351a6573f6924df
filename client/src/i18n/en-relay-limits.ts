import type { viRelayLimits } from './vi-relay-limits';

// English for vi-relay-limits.ts, wired into en.ts as `relayLimits`.
export const enRelayLimits: typeof viRelayLimits = {
  busy: 'The sync server has too many users right now. Changes are still saved on this tablet; the app will try again by itself.',
  documentQuotaExceeded:
    'The club has used all the records the sync server keeps for it, so this one was not sent. It is still saved on this tablet. Please tell the server’s operator.',
  storageQuotaExceeded:
    'The club has used all its space on the sync server, so new changes were not sent. Every change is still saved on this tablet. Please tell the server’s operator.',
};
