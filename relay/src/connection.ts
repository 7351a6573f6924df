import { CloseCode } from '@chungtay/protocol';
import type { Logger } from 'pino';
import type { AccessRole } from './access';
import { type RelayLimits, TokenBucket } from './limits';
import type { CloseReason, Metrics } from './metrics';

/** What the core needs from a socket; server.ts adapts a `ws` WebSocket to it. */
export interface Transport {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Holds sends back until `uncork`, so that they leave in one write; optional (a no-op without it). */
  cork?(): void;
  uncork?(): void;
}

export interface ConnectionContext {
  readonly limits: RelayLimits;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly now: () => number;
}

type MessageHandler = (data: Uint8Array) => void;

function closeCode(reason: CloseReason): number {
  if (reason === 'storageError') return 1011;
  // Bad input to the client like any other; the reason only tells operators what the input was.
  if (reason === 'awarenessLimit') return CloseCode.malformedMessage;
  return CloseCode[reason];
}

/**
 * One client socket. Enforces the per-connection limits on every frame, and queues frames until the
 * connection is authorized and its room has loaded, so no client is answered from a half-loaded document.
 */
export class Connection {
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
  private queue: Uint8Array[] = [];
  private handler: MessageHandler | undefined;
  private readonly bucket: TokenBucket;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    readonly id: number,
    readonly documentName: string,
    /** See ConnectRequest.relayMessages. */
    readonly relayMessages: boolean,
    private readonly transport: Transport,
    private readonly context: ConnectionContext,
  ) {
    this.bucket = new TokenBucket(
      context.limits.rateLimitMessagesPerSecond,
      context.limits.rateLimitBurst,
      context.now(),
    );
    context.metrics.connections += 1;
  }

  get isClosed(): boolean {
    return this.state === 'closed';
  }

  /** A frame from the socket. */
  receive(data: Uint8Array): void {
    if (this.state === 'closed') return;
    const { metrics, limits } = this.context;
    metrics.messagesReceived += 1;
    metrics.bytesReceived += data.length;
    if (data.length > limits.maxMessageBytes) this.fail('messageTooLarge');
    else if (!this.bucket.take(this.context.now())) this.fail('rateLimited');
    else if (this.handler === undefined) this.queue.push(data);
    else this.handler(data);
  }

  /** Sends the greeting, then delivers frames (queued ones first) to the room. */
  open(handler: MessageHandler, greet: () => void): void {
    if (this.state !== 'pending') return;
    this.state = 'open';
    greet();
    this.handler = handler;
    const queued = this.queue;
    this.queue = [];
    for (const data of queued) {
      if (this.isClosed) return;
      handler(data);
    }
  }

  send(data: Uint8Array): void {
    if (this.state !== 'open') return;
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

  /** The relay closes the connection for a named reason: counted, logged (never with the key) and sent as a close code. */
  fail(reason: CloseReason, refusedAtConnect = false): void {
    if (this.state === 'closed') return;
    if (refusedAtConnect) this.context.metrics.countRefused(reason);
    else this.context.metrics.countClosed(reason);
    this.context.logger.info(
      { connection: this.id, document: this.documentName, reason },
      'closing connection',
    );
    this.transport.close(closeCode(reason), reason);
    this.closed();
  }

  /** The socket went away (client left, or after fail()). Idempotent. */
  closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.queue = [];
    this.handler = undefined;
    this.context.metrics.connections -= 1;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
