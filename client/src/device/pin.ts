import { openDeviceDb, PIN_STORE, request } from './device-db';

/**
 * A short PIN per person on this tablet (issue 12 §4), asked when the club requires one: when someone
 * becomes the person using the tablet, and before they sign or reopen minutes. Kept only as a PBKDF2-SHA256
 * hash with a random salt in the tablet's own IndexedDB (device-db.ts), never in the clear and never in a
 * Yjs doc, so neither the relay nor the other tablets ever see it.
 *
 * A 4–6 digit PIN has at most a million values, which no hash makes safe against someone holding the
 * tablet's files; it guards against the person beside you. That is what the growing wait is for: after a
 * few wrong tries each further one waits longer, and the count survives reloading the page.
 */
const ITERATIONS = 100_000;
/** Wrong tries allowed before the first wait. */
const FREE_TRIES = 3;
const FIRST_WAIT_MS = 5_000;
const LONGEST_WAIT_MS = 5 * 60_000;

interface StoredPin {
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly hash: ArrayBuffer;
  readonly iterations: number;
  readonly failures: number;
  readonly waitUntil: number;
}

export type PinCheck =
  | { readonly type: 'ok' }
  | { readonly type: 'wrong' }
  | { readonly type: 'wait'; readonly seconds: number }
  | { readonly type: 'notSet' };

export function isWellFormedPin(pin: string): boolean {
  return /^\d{4,6}$/.test(pin);
}

const recordKey = (clubId: string, person: string) => `${clubId}/${person}`;

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<ArrayBuffer> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  // No early exit: the time taken says nothing about how much of a guess matched.
  let difference = x.length ^ y.length;
  for (let i = 0; i < x.length; i++) difference |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return difference === 0;
}

function isStoredPin(value: unknown): value is StoredPin {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.salt instanceof Uint8Array && v.hash instanceof ArrayBuffer && typeof v.iterations === 'number';
}

async function withStore<T>(factory: IDBFactory, run: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await openDeviceDb(factory);
  try {
    return await run(db);
  } finally {
    db.close();
  }
}

async function read(db: IDBDatabase, key: string): Promise<StoredPin | undefined> {
  const value: unknown = await request(db.transaction(PIN_STORE).objectStore(PIN_STORE).get(key));
  return isStoredPin(value) ? value : undefined;
}

async function write(db: IDBDatabase, key: string, value: StoredPin): Promise<void> {
  await request(db.transaction(PIN_STORE, 'readwrite').objectStore(PIN_STORE).put(value, key));
}

/** Sets (or replaces) a person's PIN on this tablet; the caller has checked it with isWellFormedPin. */
export async function setPin(clubId: string, person: string, pin: string, factory: IDBFactory = indexedDB) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, ITERATIONS);
  await withStore(factory, (db) =>
    write(db, recordKey(clubId, person), { salt, hash, iterations: ITERATIONS, failures: 0, waitUntil: 0 }),
  );
}

export async function hasPin(
  clubId: string,
  person: string,
  factory: IDBFactory = indexedDB,
): Promise<boolean> {
  return withStore(factory, async (db) => (await read(db, recordKey(clubId, person))) !== undefined);
}

/** How long the next try must wait after `failures` wrong ones: nothing at first, then doubling. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES));
}

export async function checkPin(
  clubId: string,
  person: string,
  pin: string,
  now = Date.now(),
  factory: IDBFactory = indexedDB,
): Promise<PinCheck> {
  return withStore(factory, async (db) => {
    const key = recordKey(clubId, person);
    const stored = await read(db, key);
    if (stored === undefined) return { type: 'notSet' };
    if (now < stored.waitUntil) return { type: 'wait', seconds: Math.ceil((stored.waitUntil - now) / 1000) };
    const matches = sameBytes(await derive(pin, stored.salt, stored.iterations), stored.hash);
    const failures = matches ? 0 : stored.failures + 1;
    await write(db, key, { ...stored, failures, waitUntil: matches ? 0 : now + waitAfter(failures) });
    if (matches) return { type: 'ok' };
    const wait = waitAfter(failures);
    return wait > 0 ? { type: 'wait', seconds: Math.ceil(wait / 1000) } : { type: 'wrong' };
  });
}
