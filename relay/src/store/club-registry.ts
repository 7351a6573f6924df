/**
 * Each tablet's own key at the relay (issue 12 §6). A tablet joins with the club's invite key and at once
 * exchanges it for a key of its own (tablet-api.ts); from then on it connects with that key, so one
 * tablet can be cut off without changing anyone else's key, and a rotation of the invite key disturbs no
 * tablet that has its own. Part of every ClubRegistry (doc-store.ts); one conformance suite,
 * club-registry-conformance.ts, runs against memory, SQLite and PostgreSQL.
 */
export interface TabletRecord {
  /** The tablet's id: the same random id its signing key carries (client/src/device/signing-key.ts). */
  readonly tabletId: string;
  /** Hex SHA-256 of the tablet's key; the key itself never reaches the relay's disk or logs. */
  readonly keyHash: string;
  /** The member id of the person using the tablet, '' until one is chosen; names stay in the club doc. */
  readonly person: string;
  readonly registeredAt: number;
  /** When the tablet last opened or closed a connection; null before its first. */
  readonly lastSeenAt: number | null;
  /** When the committee cut it off; null while it may connect. */
  readonly revokedAt: number | null;
}

export type TabletRegistration = Pick<TabletRecord, 'tabletId' | 'keyHash' | 'person'>;

/**
 * registered: a new tablet. updated: the same tablet with the same key again (a retry, or a new person).
 * taken: the id is held with another key, or was revoked: a revoked tablet cannot register itself again.
 */
export type TabletRegisterResult = 'registered' | 'updated' | 'taken';

export interface TabletRegistry {
  registerTablet(clubId: string, tablet: TabletRegistration, now: number): Promise<TabletRegisterResult>;
  /** The tablet holding this key hash in this club (revoked ones too, so the relay can say so). */
  findTablet(clubId: string, keyHash: string): Promise<TabletRecord | undefined>;
  /** The club's tablets, oldest registration first. */
  listTablets(clubId: string): Promise<readonly TabletRecord[]>;
  /** Records a connection of the tablet (its "last seen"); nothing for an unknown one. */
  tabletSeen(clubId: string, tabletId: string, now: number): Promise<void>;
  /** Cuts a tablet off; the record as revoked (the first revocation's time kept), undefined when unknown. */
  revokeTablet(clubId: string, tabletId: string, now: number): Promise<TabletRecord | undefined>;
}

/** A tablet id as the client makes them (signing-key.ts): letters, digits, '-' and '_', 8–64 long. */
export const TABLET_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A tablet's row as both SQL registries read it (PostgreSQL returns its bigint columns as strings). */
export interface TabletRow {
  readonly tablet_id: string;
  readonly key_hash: string;
  readonly person: string;
  readonly registered_at: number | string;
  readonly last_seen_at: number | string | null;
  readonly revoked_at: number | string | null;
}

export const TABLET_COLUMNS = 'tablet_id, key_hash, person, registered_at, last_seen_at, revoked_at';

/** Times in ms since the epoch fit a double exactly. */
export function tabletFromRow(row: TabletRow): TabletRecord {
  return {
    tabletId: row.tablet_id,
    keyHash: row.key_hash,
    person: row.person,
    registeredAt: Number(row.registered_at),
    lastSeenAt: row.last_seen_at === null ? null : Number(row.last_seen_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
