import { httpPhotoRelay, type PhotoRelay } from './photo-relay';
import { PhotoStore } from './photo-store';
import { PhotoUploadQueue } from './photo-upload-queue';

/**
 * Drops erased photos (Law 91/2025/QH15: the photos of an erased member's home visits) from this tablet at
 * once, and asks the relay to delete its copies now; what the relay could not be told (offline) stays marked
 * in the store and any later pass of the club's upload queue sends it. Resolves when this pass is done.
 */
export async function erasePhotoCopies(
  clubId: string,
  hashes: readonly string[],
  store: PhotoStore = new PhotoStore(),
  relay: PhotoRelay = httpPhotoRelay,
): Promise<void> {
  for (const hash of hashes) await store.erase(clubId, hash);
  await new PhotoUploadQueue(clubId, store, relay).run();
}
