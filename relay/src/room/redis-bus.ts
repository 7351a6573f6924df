import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import {
  addHandler,
  type ClubControl,
  newProcessId,
  type RoomBus,
  type RoomMessage,
  type RoomMessageHandler,
  type SharedBudget,
  type Unsubscribe,
} from './bus';
import { RedisBudget } from './redis-bus-budget';
import {
  decodeClubControl,
  decodeRoomMessage,
  encodeClubControl,
  encodeRoomMessage,
  readSender,
} from './redis-bus-codec';

const CHANNEL_PREFIX = 'chungtay:doc:';
const CONTROL_CHANNEL = 'chungtay:club';
const BUDGET_PREFIX = 'chungtay:budget:';

/** A promise with its resolve (Promise.withResolvers needs Node 22). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const toBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** Reconnect soon (a restarted Redis is back within a second or two), never slower than once a second. */
const retryStrategy = (attempt: number) => Math.min(50 * attempt, 1000);

/**
 * The room bus over Redis pub/sub: one publisher and one subscriber connection per process, one channel
 * per document (subscribed while a room of it is loaded) and one for club-wide control.
 *
 * Why pub/sub and not streams: the store already keeps every update durably and in order, so the bus only
 * needs to tell the other processes soon; a stream would keep a second copy of every update in Redis's
 * memory and need trimming. What pub/sub may lose (a message sent while a process was disconnected) is
 * recovered from the store: after every reconnection the subscriber re-subscribes to every channel, waits
 * for Redis to confirm, and only then calls `onResumed`, whose handlers re-read the store. An update
 * appended before that read is in it; one appended after is published to a subscribed channel.
 *
 * The publisher queues while disconnected (and re-sends what was in flight), so an update accepted during
 * an outage still reaches the other processes once Redis is back, even those whose own connection never
 * dropped. A duplicate is harmless: Yjs updates are idempotent.
 */
export class RedisRoomBus implements RoomBus {
  readonly processId = newProcessId();
  readonly shared = true;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly documents = new Map<string, Set<RoomMessageHandler>>();
  private readonly controls = new Set<(message: ClubControl) => void>();
  private readonly resumed = new Set<() => void>();
  /** Resolves at the subscriber's next disconnection: a subscription in flight then is redone on ready. */
  private disconnected = signal();
  private readonly firstReady = signal();
  private lost = false;
  private everReady = false;
  private closing = false;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options: RedisOptions = {
      retryStrategy,
      maxRetriesPerRequest: null,
      connectionName: 'chungtay-relay',
    };
    // Publishes made in one tick (a burst forwarded to many rooms) leave in one socket write.
    this.publisher = new Redis(url, { ...options, enableAutoPipelining: true });
    this.subscriber = new Redis(url, {
      ...options,
      // Re-subscription is done here, so that onResumed is called only once Redis confirmed it.
      autoResubscribe: false,
      autoResendUnfulfilledCommands: false,
      enableOfflineQueue: false,
    });
    this.subscriber.on('messageBuffer', (channel: Buffer, data: Buffer) =>
      this.deliver(channel.toString(), data),
    );
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('close', () => {
      this.disconnected.resolve();
      this.disconnected = signal();
      if (!this.lost && !this.closing)
        this.logger.warn('redis connection lost; rooms keep serving their own clients');
      this.lost = true;
    });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => {
        // Said once at start, where the relay waits for Redis; during an outage the 'close' line says it.
        if (!this.everReady && !this.lost) this.logger.warn({ err: error }, 'waiting for redis');
        else this.logger.debug({ err: error }, 'redis error');
        this.lost = true;
      });
    }
  }

  /** A bus whose control channel is subscribed; waits for Redis as long as it takes to answer. */
  static async connect(url: string, logger: Logger): Promise<RedisRoomBus> {
    const bus = new RedisRoomBus(url, logger);
    await bus.firstReady.promise;
    return bus;
  }

  private async resubscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(CONTROL_CHANNEL, ...this.documents.keys());
    } catch (error) {
      // The connection dropped again; its next ready retries.
      this.logger.debug({ err: error }, 'redis resubscription failed');
      return;
    }
    if (this.lost) this.logger.info({ documents: this.documents.size }, 'redis connection back');
    this.lost = false;
    this.everReady = true;
    this.firstReady.resolve();
    for (const handler of [...this.resumed]) this.guard(() => handler());
  }

  publish(document: string, message: RoomMessage): void {
    const data = encodeRoomMessage(this.processId, message);
    this.publisher
      .publish(CHANNEL_PREFIX + document, toBuffer(data))
      .catch((error: unknown) => this.logger.error({ err: error, document }, 'redis publish failed'));
  }

  async subscribe(document: string, handler: RoomMessageHandler): Promise<Unsubscribe> {
    const channel = CHANNEL_PREFIX + document;
    const handlers = this.documents.get(channel) ?? new Set();
    this.documents.set(channel, handlers);
    handlers.add(handler);
    const unsubscribe = () => {
      handlers.delete(handler);
      if (handlers.size > 0 || this.documents.get(channel) !== handlers) return;
      this.documents.delete(channel);
      if (this.subscriber.status === 'ready') this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
    // Sent even when the channel is subscribed already: Redis answers in order, so this confirmation also
    // covers a subscription still in flight. While disconnected, resubscribe() takes the channel on ready.
    if (this.subscriber.status === 'ready') {
      await Promise.race([
        this.subscriber.subscribe(channel).catch(() => undefined),
        this.disconnected.promise,
      ]);
    }
    return unsubscribe;
  }

  publishControl(message: ClubControl): void {
    this.publisher
      .publish(CONTROL_CHANNEL, toBuffer(encodeClubControl(this.processId, message)))
      .catch((error: unknown) => this.logger.error({ err: error }, 'redis publish failed'));
  }

  onControl(handler: (message: ClubControl) => void): Unsubscribe {
    return addHandler(this.controls, handler);
  }

  budget(name: string, ratePerSecond: number, capacity: number, now: number): SharedBudget {
    return new RedisBudget(this.publisher, BUDGET_PREFIX + name, ratePerSecond, capacity, now, this.logger);
  }

  onResumed(handler: () => void): Unsubscribe {
    return addHandler(this.resumed, handler);
  }

  private deliver(channel: string, data: Uint8Array): void {
    this.guard(() => {
      if (readSender(data) === this.processId) return;
      if (channel === CONTROL_CHANNEL) {
        const { message } = decodeClubControl(data);
        for (const handler of [...this.controls]) handler(message);
        return;
      }
      const handlers = this.documents.get(channel);
      if (handlers === undefined) return;
      const { sender, message } = decodeRoomMessage(data);
      for (const handler of [...handlers]) handler(message, sender);
    });
  }

  /** A handler's failure is logged, never thrown into ioredis's parser. */
  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.logger.error({ err: error }, 'room bus message failed');
    }
  }

  /** Sends what is queued if Redis is there; a relay stopping during an outage does not wait for it. */
  async close(): Promise<void> {
    this.closing = true;
    this.documents.clear();
    this.controls.clear();
    this.resumed.clear();
    await Promise.all(
      [this.publisher, this.subscriber].map((connection) =>
        connection.status === 'ready'
          ? connection.quit().catch(() => connection.disconnect())
          : connection.disconnect(),
      ),
    );
  }
}
