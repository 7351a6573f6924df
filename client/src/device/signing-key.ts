import type { SignatureVerifier } from '@chungtay/model';
import { openDeviceDb, request, SIGNING_STORE as STORE } from './device-db';

/**
 * This tablet's signing key (issue 12 §4): one ECDSA P-256 pair per tablet, made on first use. The private
 * key is generated non-extractable and kept in IndexedDB as a CryptoKey (IndexedDB stores CryptoKeys by
 * structured clone), so no script, backup or export can read its bytes; clearing the site's data loses
 * it, and the tablet then registers a new key under a new tablet id. Device scope: never synced.
 */
const RECORD = 'tablet';
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface TabletSigner {
  /** Random, 24 hex characters: names this tablet in approvals and in the club's key register. */
  readonly tablet: string;
  /** Base64 of the raw public point, as the club doc's register stores it. */
  readonly publicKey: string;
  sign(message: string): Promise<string>;
}

interface StoredKey {
  readonly tablet: string;
  readonly publicKey: string;
  readonly privateKey: CryptoKey;
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function isStoredKey(value: unknown): value is StoredKey {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.tablet === 'string' && typeof v.publicKey === 'string' && v.privateKey instanceof CryptoKey;
}

async function createKey(): Promise<StoredKey> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const tablet = toBase64(crypto.getRandomValues(new Uint8Array(12)))
    .replace(/[+/=]/g, '')
    .slice(0, 16);
  const publicKey = toBase64(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { tablet: `tab-${tablet}`, publicKey, privateKey: pair.privateKey };
}

/**
 * This tablet's signer: the stored key, or a new one stored first. Two tabs opening at once could each
 * make one; the write is `add`, so the second fails and that tab reads the first tab's key instead.
 */
export async function openTabletSigner(factory: IDBFactory = indexedDB): Promise<TabletSigner> {
  const db = await openDeviceDb(factory);
  try {
    const read = () => request(db.transaction(STORE).objectStore(STORE).get(RECORD));
    let stored = await read();
    if (!isStoredKey(stored)) {
      const made = await createKey();
      try {
        await request(db.transaction(STORE, 'readwrite').objectStore(STORE).add(made, RECORD));
        stored = made;
      } catch {
        stored = await read();
      }
    }
    if (!isStoredKey(stored)) throw new Error('the tablet signing key could not be stored');
    const { tablet, publicKey, privateKey } = stored;
    return {
      tablet,
      publicKey,
      sign: async (message) =>
        toBase64(await crypto.subtle.sign(SIGN, privateKey, new TextEncoder().encode(message))),
    };
  } finally {
    db.close();
  }
}

/** The model's SignatureVerifier over WebCrypto: false, never a throw, for a malformed key or signature. */
export const verifyTabletSignature: SignatureVerifier = async (publicKey, message, signature) => {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKey), ALGORITHM, false, ['verify']);
    return await crypto.subtle.verify(SIGN, key, fromBase64(signature), new TextEncoder().encode(message));
  } catch {
    return false;
  }
};

let shared: Promise<TabletSigner> | null = null;

/** The one signer of this tab, opened on first use; a failed opening is retried on the next call. */
export function tabletSigner(): Promise<TabletSigner> {
  shared ??= openTabletSigner().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
