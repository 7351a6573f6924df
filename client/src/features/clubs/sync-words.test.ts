import * as i18n from '@solid-primitives/i18n';
import { describe, expect, it } from 'vitest';
import type { DeniedReason, Peer, SyncStatus } from '../../data/club/club-session';
import { en } from '../../i18n/en';
import type { I18n } from '../../i18n/i18n-context';
import { type Catalogue, vi } from '../../i18n/vi';
import { DENIED_WORDS, syncWords, visiblePeers } from './sync-words';

function translate(catalogue: Catalogue): I18n['t'] {
  const flat = i18n.flatten(catalogue);
  const t = i18n.translator(() => flat, i18n.resolveTemplate);
  return (key, args) => String(t(key, args ?? {}));
}

const reasons = Object.keys(DENIED_WORDS) as DeniedReason[];
const denied = (reason: DeniedReason): SyncStatus => ({ type: 'denied', reason });

describe('syncWords', () => {
  for (const [language, catalogue] of [
    ['vi', vi],
    ['en', en],
  ] as const) {
    it(`gives each refusal its own words in ${language}, never the revoked-key message`, () => {
      const t = translate(catalogue);
      const words = reasons.map((reason) => syncWords(denied(reason), t));
      for (const text of words) {
        expect(typeof text).toBe('string');
        expect(text).not.toMatch(/^sync\.|object/);
      }
      expect(new Set(words).size).toBe(reasons.length);
      expect(words).not.toContain(syncWords({ type: 'revoked' }, t));
    });
  }

  it('tells the user what to do for each refusal', () => {
    const t = translate(vi);
    expect(syncWords(denied('clubNotRegistered'), t)).toContain('địa chỉ máy chủ đồng bộ trong Cài đặt');
    expect(syncWords(denied('unauthorized'), t)).toContain('đường dẫn mời mới');
    expect(syncWords(denied('unsupportedProtocolVersion'), t)).toContain('tải lại trang');
    expect(syncWords(denied('privateDocument'), t)).toContain('Ban Chủ nhiệm');
    expect(syncWords(denied('storageQuotaExceeded'), t)).toContain('vẫn được lưu trên máy này');
    expect(syncWords(denied('documentQuotaExceeded'), t)).toContain('người quản lý máy chủ');
    const english = translate(en);
    expect(syncWords(denied('clubNotRegistered'), english)).toBe(
      'This club is not shared on this sync server. Ask the person who shared it, or check the sync server address in Settings.',
    );
    expect(syncWords(denied('unsupportedProtocolVersion'), english)).toContain('Reload the page');
  });

  it('keeps the revoked-key message and the other states as they were', () => {
    const t = translate(vi);
    expect(syncWords({ type: 'revoked' }, t)).toBe('Khóa này đã bị thu hồi. Hãy xin đường dẫn mời mới.');
    expect(syncWords({ type: 'revoked' }, translate(en))).toBe(
      'This key was revoked. Ask for a new invite link.',
    );
    expect(syncWords({ type: 'connecting' }, t)).toBe('Đang kết nối…');
    expect(syncWords({ type: 'unreachable' }, t)).toBe('Không kết nối được máy chủ');
    expect(syncWords({ type: 'unreachable', busy: true }, t)).toContain('quá đông');
    expect(syncWords({ type: 'synced', at: new Date(2026, 2, 5, 8, 5) }, t)).toBe('Đã đồng bộ lúc 08:05');
  });

  it('words a refusal this app does not know yet as a key problem', () => {
    const t = translate(vi);
    const unknown = { type: 'denied', reason: 'somethingNew' } as unknown as SyncStatus;
    expect(syncWords(unknown, t)).toBe(syncWords(denied('unauthorized'), t));
  });
});

describe('visiblePeers', () => {
  const lan: Peer = { clientId: 7, name: 'Nguyễn Thị Lan', color: '#1e6b5c' };

  it('names colleagues while the tablet talks to the relay', () => {
    expect(visiblePeers({ type: 'synced', at: new Date() }, [lan])).toEqual([lan]);
    expect(visiblePeers({ type: 'syncing' }, [lan])).toEqual([lan]);
  });

  it('names nobody offline or cut off, whatever presence was last heard', () => {
    for (const status of [
      { type: 'offline' },
      { type: 'connecting' },
      { type: 'unreachable' },
      { type: 'localOnly' },
      { type: 'revoked' },
      denied('unauthorized'),
    ] satisfies SyncStatus[]) {
      expect(visiblePeers(status, [lan])).toEqual([]);
    }
  });
});
