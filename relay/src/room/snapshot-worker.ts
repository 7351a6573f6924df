import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program. It is plain JavaScript handed to the worker as source (`eval`), so the same
 * file serves the tests (TypeScript run by vitest) and production (the esbuild bundle) with no worker entry
 * file to build or locate; Yjs is loaded from the path the relay itself resolves.
 */
function workerSource(yjsPath: string): string {
  return `
const { parentPort } = require('node:worker_threads');
const Y = require(${JSON.stringify(yjsPath)});
parentPort.on('message', ({ id, update }) => {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const snapshot = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    parentPort.postMessage({ id, snapshot }, [snapshot.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});`;
}

type Answer = { id: number; snapshot: Uint8Array } | { id: number; error: string };

/**
 * Collects deleted content out of a document's merged update (integrating it into a short-lived Y.Doc and
 * encoding that again) on a worker thread, so that compacting a large document never holds up the other
 * rooms: on this machine a 5 MB document took ~195 ms on the event loop. One worker for the whole relay,
 * started on the first job and stopped after `idleMs` without one, so an idle relay pays no memory for it.
 */
export class SnapshotWorker {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, { resolve(s: Uint8Array): void; reject(e: Error): void }>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly idleMs = 30_000) {}

  collect(update: Uint8Array): Promise<Uint8Array> {
    clearTimeout(this.idleTimer);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      // A copy travels: the caller keeps its update (the room still serves it).
      worker.postMessage({ id, update });
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('snapshot worker closed'));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker;
    const yjsPath = createRequire(import.meta.url).resolve('yjs');
    const worker = new Worker(workerSource(yjsPath), { eval: true });
    worker.unref();
    worker.on('message', (answer: Answer) => this.answer(answer));
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    });
    this.worker = worker;
    return worker;
  }

  private answer(answer: Answer): void {
    const job = this.jobs.get(answer.id);
    if (job === undefined) return;
    this.jobs.delete(answer.id);
    if ('snapshot' in answer) job.resolve(answer.snapshot);
    else job.reject(new Error(answer.error));
    if (this.jobs.size === 0) {
      this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private failAll(error: Error): void {
    const pending = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of pending) job.reject(error);
  }
}
