/**
 * An in-memory WebSocket for unit tests of the relay adapters: y-websocket drives it exactly as it
 * drives the browser's (onopen, onmessage with an ArrayBuffer, send, close), and the test plays the
 * relay: open it, push frames, read what the tablet sent. Relay behaviour itself is tested against
 * the real server in relay/ and e2e/.
 */
export interface TestSocket {
  readonly url: string;
  /** The subprotocols offered (y-websocket passes its `protocols` option). */
  readonly protocols?: string | string[] | undefined;
  readonly sent: Uint8Array[];
  readonly readyState: number;
  open(): void;
  receive(frame: Uint8Array): void;
  /** The relay (or the network) closed the socket with this code. */
  closeFromRelay(code: number): void;
}

/** A WebSocket class whose every instance is appended to `sockets`. */
export function testSocketClass(sockets: TestSocket[]): typeof WebSocket {
  class Socket implements TestSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly OPEN = 1;
    readyState = 0;
    binaryType = 'blob';
    readonly sent: Uint8Array[] = [];
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
    onclose: ((event: unknown) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    constructor(
      readonly url: string,
      readonly protocols?: string | string[],
    ) {
      sockets.push(this);
    }
    send(data: Uint8Array): void {
      this.sent.push(new Uint8Array(data));
    }
    close(): void {
      this.readyState = 3;
    }
    open(): void {
      this.readyState = 1;
      this.onopen?.({});
    }
    receive(frame: Uint8Array): void {
      this.onmessage?.({ data: frame.slice().buffer });
    }
    closeFromRelay(code: number): void {
      this.readyState = 3;
      this.onclose?.({ code, reason: '' });
    }
  }
  return Socket as unknown as typeof WebSocket;
}
