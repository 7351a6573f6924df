import { type PinnedKeys, pinTabletKeys, type TabletKey } from '@chungtay/model';

/**
 * The signer tablets' public keys as this tablet first saw them, per club (issue 12 §4, trust on first
 * use; the rule itself is the model's pinTabletKeys). Device scope in localStorage: a pin that lived in the
 * club doc could be rewritten by the same raw write it guards against.
 */
const PREFIX = 'chungtay.keyPins.';

export function readKeyPins(clubId: string, storage: Storage = localStorage): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(PREFIX + clubId) ?? '{}');
  } catch {
    parsed = {};
  }
  const pins = new Map<string, string>();
  if (typeof parsed !== 'object' || parsed === null) return pins;
  for (const [tablet, key] of Object.entries(parsed)) if (typeof key === 'string') pins.set(tablet, key);
  return pins;
}

/** Pins what is new in `registered`, stores the pins, and answers with the keys to check signatures by. */
export function trustedTabletKeys(
  clubId: string,
  registered: ReadonlyMap<string, TabletKey>,
  storage: Storage = localStorage,
): PinnedKeys {
  const before = readKeyPins(clubId, storage);
  const pinned = pinTabletKeys(before, registered);
  if (pinned.pins.size !== before.size)
    storage.setItem(PREFIX + clubId, JSON.stringify(Object.fromEntries(pinned.pins)));
  return pinned;
}

/** Forgets a club's pins (the club removed from this tablet). */
export function forgetKeyPins(clubId: string, storage: Storage = localStorage): void {
  storage.removeItem(PREFIX + clubId);
}
