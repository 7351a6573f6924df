import { CloseCode } from '@chungtay/protocol';
import type { Logger } from 'pino';
import type { AccessRole } from './access';
import { InboundQueue, type InboundQueueHooks, type SetTimer } from './inbound-queue';
import type { RelayLimits } from './limits';
import type { CloseReason, Metrics } from './metrics';

/** What the core needs from a socket; server.ts adapts a `ws` WebSocket to it. */
export interface Transport {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Holds sends back until `uncork`, so that they leave in one write; optional (a no-op without it). */
  cork?(): void;
  uncork?(): void;
  /** Stops reading the socket, so TCP pushes back on the sender; `resume` reads again. Optional. */
  pause?(): void;
  resume?(): void;
}

export interface ConnectionContext {
  readonly limits: RelayLimits;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly now: () => number;
  readonly setTimer: SetTimer;
}

type MessageHandler = (data: Uint8Array) => void;

function closeCode(reason: CloseReason): number {
  if (reason === 'storageError') return 1011;
  // Bad input to the client like any other; the reason only tells operators what the input was.
  if (reason === 'awarenessLimit') return CloseCode.malformedMessage;
  return CloseCode[reason];
}

/**
 * One client socket. Checks each frame's size, and hands frames to the room in the order they came, as fast as
 * the connection's rate limit allows (see inbound-queue.ts): frames wait until the connection is authorized
 * and its room has loaded (no client is answered from a half-loaded document), and while the sender is over
 * its rate, with its socket no longer read.
 *
 * Frames the client sent before it closed its socket are still handled: the connection keeps its place in the
 * room (so the room stays loaded) until the last of them is done.
 */
export class Connection implements InboundQueueHooks {
  role: AccessRole | undefined;
  keyHash: string | undefined;
  /** Awareness client ids this connection announced over its life; few are allowed (see awareness-relay.ts). */
  readonly awarenessClients = new Set<number>();
  /** When the last viewerWriteDropped notice went out (rate-limited). */
  lastNoticeAt = Number.NEGATIVE_INFINITY;
  /**
   * How many of this connection's sync step 2 and update frames the relay has finished with (stored, found
   * already held, or dropped for a viewer); reported in MESSAGE_STORED.
   */
  updatesSettled = 0;
  private state: 'pending' | 'open' | 'closed' = 'pending';
  /** The client closed its socket: nothing more can be sent to it, what it sent is still handled. */
  private peerGone = false;
  /** The relay will close the connection for this reason once the frames it took are handled. */
  private closingFor: CloseReason | undefined;
  private handler: MessageHandler | undefined;
  private readonly inbound: InboundQueue;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    readonly id: number,
    readonly documentName: string,
    /** See ConnectRequest.relayMessages. */
    readonly relayMessages: boolean,
    private readonly transport: Transport,
    private readonly context: ConnectionContext,
  ) {
    const { limits } = context;
    // The connection is its queue's hooks itself: an object of closures would cost every idle connection a
    // few hundred bytes (relay/README.md, *Memory per connection*).
    this.inbound = new InboundQueue(
      {
        ratePerSecond: limits.rateLimitMessagesPerSecond,
        burst: limits.rateLimitBurst,
        closeAfterMs: limits.rateLimitCloseAfterMs,
      },
      this,
    );
    context.metrics.connections += 1;
  }

  /** For the inbound queue (InboundQueueHooks): the relay's clock, timers and counters. */
  get now(): () => number {
    return this.context.now;
  }

  get setTimer(): SetTimer {
    return this.context.setTimer;
  }

  get counters(): Metrics {
    return this.context.metrics;
  }

  /** For the inbound queue: stop reading the socket, so TCP pushes back on the sender; and read again. */
  pause(): void {
    this.transport.pause?.();
  }

  resume(): void {
    this.transport.resume?.();
  }

  get isClosed(): boolean {
    return this.state === 'closed';
  }

  /** A frame from the socket. */
  receive(data: Uint8Array): void {
    if (this.state === 'closed' || this.closingFor !== undefined) return;
    this.context.metrics.messagesReceived += 1;
    this.context.metrics.bytesReceived += data.length;
    this.inbound.push(data);
  }

  /** Sends the greeting, then delivers frames (queued ones first) to the room. */
  open(handler: MessageHandler, greet: () => void): void {
    if (this.state !== 'pending') return;
    this.state = 'open';
    greet();
    this.handler = handler;
    this.inbound.start();
  }

  /**
   * One frame, in its turn (called by the inbound queue): the size check too, so that everything the client
   * sent before it is handled.
   */
  handle(data: Uint8Array): void {
    if (data.length > this.context.limits.maxMessageBytes) this.fail('messageTooLarge');
    else this.handler?.(data);
  }

  send(data: Uint8Array): void {
    if (this.state !== 'open' || this.peerGone) return;
    this.context.metrics.messagesSent += 1;
    this.context.metrics.bytesSent += data.length;
    this.transport.send(data);
  }

  /**
   * Sends both frames in one system call where the transport can: a socket write is the relay's largest cost,
   * and an acknowledgement riding along with a forwarded update costs almost nothing extra.
   */
  sendTogether(first: Uint8Array, second: Uint8Array): void {
    this.transport.cork?.();
    try {
      this.send(first);
      this.send(second);
    } finally {
      this.transport.uncork?.();
    }
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /**
   * The relay closes the connection for a named reason at once: counted, logged (never with the key) and sent
   * as a close code. Frames still waiting are dropped: after bad input, a revoked key or a storage failure
   * nothing more of this connection may be applied.
   */
  fail(reason: CloseReason, refusedAtConnect = false): void {
    if (this.state === 'closed') return;
    if (this.closingFor === undefined) this.count(reason, refusedAtConnect);
    this.inbound.stop();
    this.sendClose(reason);
    this.release();
  }

  /** Handles every frame already received, at once, then closes (the relay is shutting down). */
  finish(reason: CloseReason): void {
    if (this.state === 'open') this.inbound.flush();
    this.fail(reason);
  }

  /** The client's socket closed. What it sent before is still handled; the connection goes when that is done. */
  peerClosed(): void {
    if (this.state === 'closed') return;
    this.peerGone = true;
    if (this.inbound.length === 0) this.release();
  }

  /**
   * Held back for rateLimitCloseAfterMs without a break: its socket is no longer read, the frames already
   * received are handled at the usual pace, then it is closed with 4003 (drained()).
   */
  overloaded(): void {
    this.closingFor = 'rateLimited';
    this.count('rateLimited', false);
    this.inbound.seal();
  }

  /** The inbound queue handled everything received so far. */
  drained(): void {
    if (this.closingFor !== undefined) {
      this.sendClose(this.closingFor);
      this.release();
    } else if (this.peerGone) this.release();
  }

  private count(reason: CloseReason, refusedAtConnect: boolean): void {
    if (refusedAtConnect) this.context.metrics.countRefused(reason);
    else this.context.metrics.countClosed(reason);
    this.context.logger.info(
      { connection: this.id, document: this.documentName, reason },
      'closing connection',
    );
  }

  private sendClose(reason: CloseReason): void {
    if (this.peerGone) return;
    // A paused socket would not read the client's answer to the close frame.
    this.transport.resume?.();
    this.transport.close(closeCode(reason), reason);
  }

  /** Frees the connection: it leaves its room and the relay. Idempotent. */
  private release(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.inbound.stop();
    this.handler = undefined;
    this.context.metrics.connections -= 1;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
