import type { Author, ClubKind } from '@chungtay/model';

// Device preferences (session scope): kept in localStorage, never synced.
const USER_KEY = 'chungtay.user';
const CLUBS_KEY = 'chungtay.clubs';

export interface KnownClub {
  readonly id: string;
  readonly name: string;
  readonly kind: ClubKind;
  readonly memberCount: number;
  readonly openedAt: number;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function readJson(storage: Storage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

export function readDeviceUser(storage: Storage = localStorage): Author | null {
  const value = readJson(storage, USER_KEY);
  if (value && typeof value === 'object' && 'id' in value && 'name' in value) {
    const { id, name } = value as { id: unknown; name: unknown };
    if (typeof id === 'string' && typeof name === 'string' && name.trim()) return { id, name };
  }
  return null;
}

export function saveDeviceUser(name: string, storage: Storage = localStorage): Author {
  const existing = readDeviceUser(storage);
  const user = { id: existing?.id ?? randomId(), name: name.trim() };
  storage.setItem(USER_KEY, JSON.stringify(user));
  return user;
}

export function listKnownClubs(storage: Storage = localStorage): readonly KnownClub[] {
  const value = readJson(storage, CLUBS_KEY);
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (c): c is KnownClub =>
        c && typeof c.id === 'string' && typeof c.name === 'string' && typeof c.kind === 'string',
    )
    .map((c) => ({ ...c, memberCount: Number(c.memberCount) || 0, openedAt: Number(c.openedAt) || 0 }))
    .sort((a, b) => b.openedAt - a.openedAt);
}

export function rememberClub(club: Omit<KnownClub, 'openedAt'>, storage: Storage = localStorage): void {
  const others = listKnownClubs(storage).filter((c) => c.id !== club.id);
  storage.setItem(CLUBS_KEY, JSON.stringify([{ ...club, openedAt: Date.now() }, ...others]));
}
