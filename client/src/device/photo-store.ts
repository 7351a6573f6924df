/**
 * The tablet's photos: one IndexedDB database of blobs, outside the Yjs documents (which hold only each
 * photo's hash, packages/model/src/attachments). Keyed by club and content hash: the same photo attached
 * twice is kept once, and each club's upload state stays its own.
 *
 * A row either holds the bytes, or held them and dropped them once the relay had them (the storage screen's
 * "free space"): the row is kept without bytes, so the tablet still knows the photo is on the relay.
 * An erased photo (its member was erased, Law 91/2025/QH15) is a row without bytes marked `erased` until the
 * relay has deleted its copy too (the upload queue sends the deletion); then the row goes.
 */
export const PHOTO_DB = 'chungtay-photos';
const STORE = 'blobs';

export interface StoredPhoto {
  readonly clubId: string;
  readonly hash: string;
  readonly contentType: string;
  readonly scope: 'club' | 'health';
  readonly size: number;
  /** Absent when the local copy was dropped: the relay holds it. */
  readonly bytes?: Blob;
  /** Whether the relay holds it: made here and sent, or fetched from it. */
  readonly uploaded: boolean;
  /** Erased here; the relay's copy is still to be deleted. Never sent, fetched or kept again. */
  readonly erased?: true;
}

export interface PhotoUsage {
  readonly count: number;
  /** Bytes of the copies kept on this tablet. */
  readonly bytes: number;
  /** Of those, bytes the relay holds too, which may be dropped. */
  readonly droppableBytes: number;
  readonly waitingToSend: number;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export class PhotoStore {
  private opening: Promise<IDBDatabase> | undefined;

  constructor(
    private readonly factory: IDBFactory = indexedDB,
    private readonly name = PHOTO_DB,
  ) {}

  private db(): Promise<IDBDatabase> {
    this.opening ??= new Promise((resolve, reject) => {
      const open = this.factory.open(this.name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: ['clubId', 'hash'] });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return this.opening;
  }

  /** Keeps a photo; one the tablet holds already keeps its upload state. */
  async put(photo: StoredPhoto): Promise<void> {
    const tx = (await this.db()).transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const existing = (await request(store.get([photo.clubId, photo.hash]))) as StoredPhoto | undefined;
    // An erased photo stays erased: a stale screen fetching it again must not bring the bytes back.
    if (existing?.erased !== true)
      store.put({ ...photo, uploaded: photo.uploaded || existing?.uploaded === true });
    await done(tx);
  }

  async get(clubId: string, hash: string): Promise<StoredPhoto | undefined> {
    const tx = (await this.db()).transaction(STORE, 'readonly');
    return (await request(tx.objectStore(STORE).get([clubId, hash]))) as StoredPhoto | undefined;
  }

  async list(clubId: string): Promise<StoredPhoto[]> {
    const tx = (await this.db()).transaction(STORE, 'readonly');
    const range = IDBKeyRange.bound([clubId, ''], [clubId, '\uffff']);
    return (await request(tx.objectStore(STORE).getAll(range))) as StoredPhoto[];
  }

  /** Photos made on this tablet and not yet on the relay, for the upload queue. */
  async listWaiting(clubId: string): Promise<StoredPhoto[]> {
    return (await this.list(clubId)).filter((photo) => !photo.uploaded && photo.bytes !== undefined);
  }

  /** Drops a photo's bytes for good and marks it for deletion on the relay (listErased, forget). */
  async erase(clubId: string, hash: string): Promise<void> {
    const tx = (await this.db()).transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put({
      clubId,
      hash,
      contentType: '',
      scope: 'health',
      size: 0,
      uploaded: false,
      erased: true,
    });
    await done(tx);
  }

  /** Erased photos whose relay copy is still to be deleted. */
  async listErased(clubId: string): Promise<StoredPhoto[]> {
    return (await this.list(clubId)).filter((photo) => photo.erased === true);
  }

  /** Forgets an erased photo once the relay no longer holds it. */
  async forget(clubId: string, hash: string): Promise<void> {
    const tx = (await this.db()).transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete([clubId, hash]);
    await done(tx);
  }

  async markUploaded(clubId: string, hash: string): Promise<void> {
    const found = await this.get(clubId, hash);
    if (found !== undefined) await this.put({ ...found, uploaded: true });
  }

  async usage(clubId: string): Promise<PhotoUsage> {
    const photos = await this.list(clubId);
    const kept = photos.filter((photo) => photo.bytes !== undefined);
    const sum = (list: StoredPhoto[]) => list.reduce((total, photo) => total + photo.size, 0);
    return {
      count: kept.length,
      bytes: sum(kept),
      droppableBytes: sum(kept.filter((photo) => photo.uploaded)),
      waitingToSend: kept.filter((photo) => !photo.uploaded).length,
    };
  }

  /** Drops the local copies the relay holds; photos not yet sent are kept. Resolves to the bytes freed. */
  async dropUploadedCopies(clubId: string): Promise<number> {
    let freed = 0;
    for (const photo of await this.list(clubId))
      if (photo.uploaded && photo.bytes !== undefined) {
        const { bytes: _dropped, ...rest } = photo;
        const tx = (await this.db()).transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(rest);
        await done(tx);
        freed += photo.size;
      }
    return freed;
  }

  close(): void {
    void this.opening?.then((db) => db.close());
    this.opening = undefined;
  }
}
