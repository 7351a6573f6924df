import type { TabletKey } from './tablet-keys';

/**
 * Trust on first use for signer tablets (issue 12 §4). The club doc's key register refuses a second key
 * for a tablet id through the app, but a raw write to the doc (any editor's key can make one) could still
 * swap a signer's key and sign a rewritten approval with it. So each tablet remembers the public key it
 * first saw for every tablet id (device scope, see client/src/device/key-pins.ts) and checks signatures
 * against that key, not the register's: a swapped key then makes the signature fail, and the tablet id is
 * flagged so the screen can say whose key changed.
 */
export interface PinnedKeys {
  /** tablet id → the public key (base64) first seen for it. */
  readonly pins: ReadonlyMap<string, string>;
  /** Tablets whose registered key is no longer the one first seen here. */
  readonly changed: ReadonlySet<string>;
  /** The register as this tablet trusts it: each pinned tablet with its first key. */
  readonly keys: ReadonlyMap<string, TabletKey>;
}

/**
 * Pins the keys of tablets seen for the first time and compares the others with their pin. Pure: the
 * caller stores `pins` when it differs from what it passed in. A pin is never replaced here; a tablet that
 * truly got a new key registers under a new tablet id (signing-key.ts), so an honest change never trips it.
 */
export function pinTabletKeys(
  pinned: ReadonlyMap<string, string>,
  registered: ReadonlyMap<string, TabletKey>,
): PinnedKeys {
  const pins = new Map(pinned);
  const changed = new Set<string>();
  const keys = new Map<string, TabletKey>();
  for (const [tablet, key] of registered) {
    const first = pins.get(tablet);
    if (first === undefined) pins.set(tablet, key.publicKey);
    else if (first !== key.publicKey) changed.add(tablet);
    keys.set(tablet, { ...key, publicKey: first ?? key.publicKey });
  }
  return { pins, changed, keys };
}
