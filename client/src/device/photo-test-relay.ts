import type { PhotoRelay, UploadOutcome } from './photo-relay';

/**
 * For tests: a relay that keeps what it is sent and answers as the test says (offline, refusing, up), and
 * records every upload, download and deletion asked of it.
 */
export class TestPhotoRelay implements PhotoRelay {
  answer: UploadOutcome = 'sent';
  readonly held = new Map<string, Blob>();
  readonly attempts: string[] = [];
  async upload(_clubId: string, hash: string, bytes: Blob): Promise<UploadOutcome> {
    this.attempts.push(hash);
    if (this.answer === 'sent') this.held.set(hash, bytes);
    return this.answer;
  }
  async download(_clubId: string, hash: string): Promise<Blob | undefined> {
    this.attempts.push(`download ${hash}`);
    return this.answer === 'sent' ? this.held.get(hash) : undefined;
  }
  async remove(_clubId: string, hash: string): Promise<UploadOutcome> {
    this.attempts.push(`delete ${hash}`);
    if (this.answer === 'sent') this.held.delete(hash);
    return this.answer;
  }
}
