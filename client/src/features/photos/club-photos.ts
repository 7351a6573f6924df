import type { AttachmentInput, AttachmentKind, AttachmentScope } from '@chungtay/model';
import { hashPhoto } from '../../device/photo-hash';
import { httpPhotoRelay, type PhotoRelay } from '../../device/photo-relay';
import { shrinkPhoto } from '../../device/photo-shrink';
import { PhotoStore } from '../../device/photo-store';
import { PhotoUploadQueue } from '../../device/photo-upload-queue';

/**
 * One club's photos on this tablet: kept in the PhotoStore, sent by the upload queue, fetched from the relay
 * the first time one is shown and kept offline from then on. One per club for the life of the tab, so every
 * screen showing a photo shares one queue and one fetch per photo.
 */
export class ClubPhotos {
  readonly queue: PhotoUploadQueue;
  private readonly fetching = new Map<string, Promise<Blob | undefined>>();

  constructor(
    readonly clubId: string,
    readonly store: PhotoStore,
    private readonly relay: PhotoRelay,
  ) {
    this.queue = new PhotoUploadQueue(clubId, store, relay);
  }

  /** Shrinks, hashes and keeps a picture, queues it for the relay; resolves to what the document records. */
  async add(file: Blob, kind: AttachmentKind, scope: AttachmentScope = 'club'): Promise<AttachmentInput> {
    const shrunk = await shrinkPhoto(file);
    const hash = await hashPhoto(shrunk.bytes);
    await this.store.put({
      clubId: this.clubId,
      hash,
      contentType: shrunk.contentType,
      scope,
      size: shrunk.bytes.size,
      bytes: shrunk.bytes,
      uploaded: false,
    });
    void this.queue.run();
    return {
      hash,
      kind,
      contentType: shrunk.contentType,
      size: shrunk.bytes.size,
      width: shrunk.width,
      height: shrunk.height,
      caption: '',
      scope,
    };
  }

  /** This tablet's copy of the photo, if it holds one: no relay asked, so it may be read for any thumbnail. */
  async local(hash: string): Promise<Blob | undefined> {
    return (await this.store.get(this.clubId, hash))?.bytes;
  }

  /** The photo's bytes: this tablet's copy, else the relay's (kept here from then on); undefined offline. */
  load(hash: string, contentType: string, scope: AttachmentScope): Promise<Blob | undefined> {
    const running = this.fetching.get(hash);
    if (running !== undefined) return running;
    const loading = (async () => {
      const local = await this.local(hash);
      if (local !== undefined) return local;
      const fetched = await this.relay.download(this.clubId, hash);
      if (fetched === undefined) return undefined;
      const bytes = new Blob([fetched], { type: contentType });
      const { clubId } = this;
      await this.store.put({ clubId, hash, contentType, scope, size: bytes.size, bytes, uploaded: true });
      return bytes;
    })().finally(() => this.fetching.delete(hash));
    this.fetching.set(hash, loading);
    return loading;
  }

  /** Whether this tablet still has to send the photo. */
  async isWaiting(hash: string): Promise<boolean> {
    const local = await this.store.get(this.clubId, hash);
    return local !== undefined && !local.uploaded;
  }
}

const open = new Map<string, ClubPhotos>();
let shared: PhotoStore | undefined;
let watching = false;

/** The club's photos; the first call also sends what waits, and again whenever the browser is back online. */
export function clubPhotos(clubId: string): ClubPhotos {
  let photos = open.get(clubId);
  if (photos === undefined) {
    shared ??= new PhotoStore();
    photos = new ClubPhotos(clubId, shared, httpPhotoRelay);
    open.set(clubId, photos);
    void photos.queue.run();
  }
  if (!watching) {
    watching = true;
    window.addEventListener('online', () => {
      for (const each of open.values()) void each.queue.run();
    });
  }
  return photos;
}
