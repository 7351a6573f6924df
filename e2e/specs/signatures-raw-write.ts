import type { Page } from '@playwright/test';
import * as Y from 'yjs';

/**
 * A rewrite no app would make: a stock y-websocket exchange (the standard protocol, the key in the URL as
 * older clients send it) that loads a document from the relay, changes it with raw Yjs writes and sends
 * the update back. The socket is a browser's (a blank page of its own context), since the test runner's
 * Node has no WebSocket; the frames are built and read here. Message layout: y-protocols' sync messages,
 * [0 = sync][0 = step 1 | 1 = step 2 | 2 = update][length-prefixed bytes], with lib0 varints.
 */
function varUint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
  return out;
}

function syncMessage(kind: 0 | 1 | 2, payload: Uint8Array): number[] {
  return [0, kind, ...varUint(payload.length), ...payload];
}

/** The payload of a sync step 2 or update frame, or undefined for anything else (awareness, step 1). */
function readSyncPayload(frame: readonly number[]): Uint8Array | undefined {
  let pos = 0;
  const next = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = frame[pos++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  if (next() !== 0) return undefined;
  const kind = next();
  if (kind !== 1 && kind !== 2) return undefined;
  const length = next();
  return Uint8Array.from(frame.slice(pos, pos + length));
}

export async function rewriteOnRelay(
  page: Page,
  relayOrigin: string,
  documentName: string,
  key: string,
  rewrite: (doc: Y.Doc) => void,
): Promise<void> {
  // A page of the relay's own origin: Chromium keeps a blank page from opening sockets to a loopback address.
  await page.goto(`${relayOrigin}/healthz`);
  const url = `${relayOrigin.replace(/^http/, 'ws')}/sync/${documentName}?k=${key}&v=1`;
  await page.evaluate((address) => {
    const socket = new WebSocket(address);
    socket.binaryType = 'arraybuffer';
    const box = window as unknown as { frames_: number[][]; socket_: WebSocket };
    box.frames_ = [];
    box.socket_ = socket;
    socket.onmessage = (event) => box.frames_.push([...new Uint8Array(event.data as ArrayBuffer)]);
    return new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () => reject(new Error('the relay refused the socket'));
    });
  }, url);
  const send = (frame: number[]) =>
    page.evaluate((bytes) => {
      (window as unknown as { socket_: WebSocket }).socket_.send(Uint8Array.from(bytes));
    }, frame);
  const doc = new Y.Doc();
  await send(syncMessage(0, Y.encodeStateVector(doc)));
  // The relay answers step 1 with everything it holds, in one step 2.
  const handle = await page.waitForFunction(() => {
    const frames = (window as unknown as { frames_: number[][] }).frames_;
    return frames.find((frame) => frame[0] === 0 && frame[1] === 1) ?? false;
  });
  const held = readSyncPayload((await handle.jsonValue()) as number[]);
  if (held === undefined) throw new Error('no sync step 2 from the relay');
  Y.applyUpdate(doc, held);
  const before = Y.encodeStateVector(doc);
  rewrite(doc);
  await send(syncMessage(2, Y.encodeStateAsUpdate(doc, before)));
}
