import type { PhotoRelay } from './photo-relay';
import type { PhotoStore } from './photo-store';

/**
 * Sends a club's photos made on this tablet to the relay, one at a time (a photo is a few hundred KB: two at
 * once only split a weak link). Photos wait in the PhotoStore, so the queue survives a restart; `run` is
 * called when a photo is added, when the browser says it is online again, and when the club opens. A photo
 * the relay refuses (over quota, wrong key) is left until the next run, so it cannot keep the tablet busy.
 */
export class PhotoUploadQueue {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly listeners = new Set<() => void>();
  /** How many photos the last pass left unsent. */
  waiting = 0;

  constructor(
    private readonly clubId: string,
    private readonly store: PhotoStore,
    private readonly relay: PhotoRelay,
  ) {}

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a pass, or asks the running one for another; resolves when the queue is idle. */
  run(): Promise<void> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Sends the relay the deletions of erased photos; false when offline (the rest would fail alike). */
  private async sendDeletions(): Promise<boolean> {
    for (const photo of await this.store.listErased(this.clubId)) {
      const outcome = await this.relay.remove(this.clubId, photo.hash);
      if (outcome === 'sent') await this.store.forget(this.clubId, photo.hash);
      if (outcome === 'retry') return false;
    }
    return true;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      // Deletions first: an erased photo must leave the relay even when uploads are refused. Offline, the
      // uploads would fail alike: none is tried.
      const online = await this.sendDeletions();
      let left = online ? 0 : (await this.store.listWaiting(this.clubId)).length;
      for (const photo of online ? await this.store.listWaiting(this.clubId) : []) {
        if (photo.bytes === undefined) continue;
        const outcome = await this.relay.upload(
          this.clubId,
          photo.hash,
          photo.bytes,
          photo.contentType,
          photo.scope,
        );
        if (outcome === 'sent') await this.store.markUploaded(this.clubId, photo.hash);
        else left += 1;
        // Offline: the rest would fail alike; the next 'online' starts again.
        if (outcome === 'retry') {
          left = (await this.store.listWaiting(this.clubId)).length;
          this.again = false;
          break;
        }
      }
      this.waiting = left;
      for (const listener of this.listeners) listener();
    } while (this.again);
  }
}
