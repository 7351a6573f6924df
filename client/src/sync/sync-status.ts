/** What the tablet knows about the relay, in the words the UI shows (see i18n `sync.*`). */
export type SyncStatus =
  | { readonly type: 'localOnly' }
  | { readonly type: 'offline' }
  | { readonly type: 'connecting' }
  | { readonly type: 'syncing' }
  | { readonly type: 'synced'; readonly at: Date }
  /** `busy`: the relay refused for its connection cap (4006) and the tablet will try again. */
  | { readonly type: 'unreachable'; readonly busy?: true }
  | { readonly type: 'revoked' }
  | { readonly type: 'denied'; readonly reason: DeniedReason };

export type DeniedReason =
  | 'unauthorized'
  | 'clubNotRegistered'
  | 'privateDocument'
  | 'unsupportedProtocolVersion'
  | 'invalidDocumentName'
  | 'documentQuotaExceeded'
  | 'storageQuotaExceeded'
  /** This tablet's own key was cut off by the committee (4411). */
  | 'tabletRevoked';

export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
}

/** Colours with enough contrast on white for names and carets. */
export const PEER_COLORS = [
  '#1d6b5c',
  '#a12a1e',
  '#3a55a4',
  '#8a4b00',
  '#6b2c91',
  '#0f6f8f',
  '#7a5c00',
  '#b0306a',
] as const;

export function colorFor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PEER_COLORS[hash % PEER_COLORS.length] ?? PEER_COLORS[0];
}

/** Full jitter: a random wait in [0, min(cap, base·2^attempt)], so many tablets do not return in lockstep. */
export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  base = 500,
  cap = 30_000,
): number {
  return Math.floor(random() * Math.min(cap, base * 2 ** Math.min(attempt, 16)));
}
