import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { Connection, Transport } from './connection';

/**
 * A `ws` WebSocket as the core's Transport. A class rather than an object of closures: with tens of thousands
 * of idle tablets connected, the six closures per socket (and their context) were a measurable part of each
 * connection's memory (relay/README.md, *Memory per connection*); methods on a prototype cost nothing each.
 */
export class WsTransport implements Transport {
  /** The core's connection on this socket, set once the relay took it (server.ts's listeners look it up). */
  connection: Connection | undefined;

  constructor(
    private readonly ws: WebSocket,
    /** The socket's TCP connection, when it is one (a test may upgrade over something else). */
    readonly socket: Socket | undefined,
  ) {}

  send(data: Uint8Array): void {
    this.ws.send(data);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** ws corks and uncorks around each frame; an outer cork holds several frames for one write. */
  cork(): void {
    this.socket?.cork();
  }

  uncork(): void {
    this.socket?.uncork();
  }

  /**
   * ws's own pause/resume (public since ws 8): it stops reading the TCP socket, and frames it has already
   * parsed are still delivered (test/burst.test.ts pins this for the pinned ws).
   */
  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }
}
