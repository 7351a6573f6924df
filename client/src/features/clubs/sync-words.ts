import type { DeniedReason, Peer, SyncStatus } from '../../data/club/club-session';
import { formatTime } from '../../i18n/format';
import type { I18n, MessageKey } from '../../i18n/i18n-context';

/**
 * Each refusal has its own words, because each asks for something different: a new invite link, the
 * right server address, an app update. Exhaustive over DeniedReason, so a new reason cannot go unworded.
 */
export const DENIED_WORDS: Readonly<Record<DeniedReason, MessageKey>> = {
  unauthorized: 'sync.denied.unauthorized',
  clubNotRegistered: 'sync.denied.clubNotRegistered',
  privateDocument: 'sync.denied.privateDocument',
  unsupportedProtocolVersion: 'sync.denied.unsupportedProtocolVersion',
  invalidDocumentName: 'sync.denied.invalidDocumentName',
  documentQuotaExceeded: 'relayLimits.documentQuotaExceeded',
  storageQuotaExceeded: 'relayLimits.storageQuotaExceeded',
  tabletRevoked: 'tablets.cutOff',
};

/** The relay's state in the words the sync indicator shows. */
export function syncWords(status: SyncStatus, t: I18n['t']): string {
  switch (status.type) {
    case 'synced':
      return t('sync.synced', { time: formatTime(status.at) });
    case 'unreachable':
      return t(status.busy ? 'relayLimits.busy' : 'sync.unreachable');
    case 'denied':
      // The reason comes from a close code cast in relay-sync.ts; a code this app does not know yet falls
      // back to the key message, the usual cure.
      return t(DENIED_WORDS[status.reason] ?? DENIED_WORDS.unauthorized);
    default:
      return t(`sync.${status.type}`);
  }
}

/**
 * Who the header names as having the club open: only while this tablet talks to the relay. Offline,
 * the presence last heard is stale (a closed socket is noticed late, and a colleague may have left long
 * ago), so naming anyone "đang mở cùng lúc" would be a guess.
 */
export function visiblePeers(status: SyncStatus, peers: readonly Peer[]): readonly Peer[] {
  return status.type === 'synced' || status.type === 'syncing' ? peers : [];
}
