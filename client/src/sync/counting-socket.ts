import { isSyncContentFrame } from '@chungtay/protocol';

/** A WebSocket that counts the sync content frames it sent (see MESSAGE_STORED in @chungtay/protocol). */
interface CountingSocket {
  readonly updatesSent: number;
}

/**
 * y-websocket creates its sockets itself (one per connection) and sends on them directly, so the count of
 * what this tablet sent is taken where every frame passes: a subclass of the WebSocket class it is given
 * (its `WebSocketPolyfill` option; y-websocket-contract.test.ts pins that every frame goes through `send`).
 */
export function countingSocketClass(Base: typeof WebSocket): typeof WebSocket {
  return class extends Base implements CountingSocket {
    updatesSent = 0;

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array && isSyncContentFrame(data)) this.updatesSent += 1;
      super.send(data);
    }
  };
}

export function updatesSentOn(socket: unknown): number {
  return (socket as Partial<CountingSocket> | null)?.updatesSent ?? 0;
}
