import type { TabletRecord, TabletRegisterResult, TabletRegistration } from './club-registry';
import type { ClubAccessRecord, ClubKeyHashes, ClubRegistry } from './doc-store';

/** For tests and throwaway relays: the same contract as the SQLite and PostgreSQL registries. */
export class MemoryClubRegistry implements ClubRegistry {
  private readonly clubs = new Map<string, ClubAccessRecord>();
  /** clubId → tabletId → record, in registration order. */
  private readonly tablets = new Map<string, Map<string, TabletRecord>>();

  async get(clubId: string): Promise<ClubAccessRecord | undefined> {
    return this.clubs.get(clubId);
  }

  async create(clubId: string, hashes: ClubKeyHashes): Promise<boolean> {
    if (this.clubs.has(clubId)) return false;
    this.clubs.set(clubId, { clubId, ...hashes, retiredKeyHashes: [] });
    return true;
  }

  async rotate(clubId: string, expectedEditorKeyHash: string, next: ClubKeyHashes): Promise<boolean> {
    const current = this.clubs.get(clubId);
    if (current === undefined || current.editorKeyHash !== expectedEditorKeyHash) return false;
    const retired = [...current.retiredKeyHashes, current.editorKeyHash, current.viewerKeyHash];
    this.clubs.set(clubId, { clubId, ...next, retiredKeyHashes: retired });
    return true;
  }

  async delete(clubId: string): Promise<boolean> {
    this.tablets.delete(clubId);
    return this.clubs.delete(clubId);
  }

  async registerTablet(
    clubId: string,
    tablet: TabletRegistration,
    now: number,
  ): Promise<TabletRegisterResult> {
    const club = this.tablets.get(clubId) ?? new Map<string, TabletRecord>();
    this.tablets.set(clubId, club);
    const existing = club.get(tablet.tabletId);
    if (existing === undefined) {
      club.set(tablet.tabletId, { ...tablet, registeredAt: now, lastSeenAt: null, revokedAt: null });
      return 'registered';
    }
    if (existing.keyHash !== tablet.keyHash || existing.revokedAt !== null) return 'taken';
    club.set(tablet.tabletId, { ...existing, person: tablet.person });
    return 'updated';
  }

  async findTablet(clubId: string, keyHash: string): Promise<TabletRecord | undefined> {
    for (const tablet of this.tablets.get(clubId)?.values() ?? [])
      if (tablet.keyHash === keyHash) return tablet;
    return undefined;
  }

  async listTablets(clubId: string): Promise<readonly TabletRecord[]> {
    return [...(this.tablets.get(clubId)?.values() ?? [])];
  }

  async tabletSeen(clubId: string, tabletId: string, now: number): Promise<void> {
    const club = this.tablets.get(clubId);
    const existing = club?.get(tabletId);
    if (club !== undefined && existing !== undefined) club.set(tabletId, { ...existing, lastSeenAt: now });
  }

  async revokeTablet(clubId: string, tabletId: string, now: number): Promise<TabletRecord | undefined> {
    const club = this.tablets.get(clubId);
    const existing = club?.get(tabletId);
    if (club === undefined || existing === undefined) return undefined;
    const revoked = { ...existing, revokedAt: existing.revokedAt ?? now };
    club.set(tabletId, revoked);
    return revoked;
  }
}
