import { TokenBucket } from '../limits';
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

/**
 * Relays that share one Node process (and one store): what the Redis bus does between processes, without
 * a network. A relay started alone gets a hub of its own, where it is the only member, so its rooms publish
 * to nobody: one process behaves as it did before the bus existed.
 */
export class InProcessBusHub {
  readonly members = new Set<InProcessBus>();
  readonly budgets = new Map<string, TokenBucket>();

  /** A bus for one more relay on this hub; every member's bus is `shared`. */
  join(): InProcessBus {
    return new InProcessBus(this, true);
  }
}

export class InProcessBus implements RoomBus {
  readonly processId = newProcessId();
  private readonly documents = new Map<string, Set<RoomMessageHandler>>();
  private readonly controls = new Set<(message: ClubControl) => void>();

  /** Alone (the default): `new InProcessBus()`; several relays in one process: `hub.join()`. */
  constructor(
    private readonly hub = new InProcessBusHub(),
    readonly shared = false,
  ) {
    hub.members.add(this);
  }

  publish(document: string, message: RoomMessage): void {
    for (const member of this.hub.members) {
      if (member === this) continue;
      const handlers = member.documents.get(document);
      if (handlers === undefined) continue;
      for (const handler of [...handlers]) handler(message, this.processId);
    }
  }

  async subscribe(document: string, handler: RoomMessageHandler): Promise<Unsubscribe> {
    const handlers = this.documents.get(document) ?? new Set();
    this.documents.set(document, handlers);
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.documents.get(document) === handlers) this.documents.delete(document);
    };
  }

  publishControl(message: ClubControl): void {
    for (const member of this.hub.members) {
      if (member === this) continue;
      for (const handler of [...member.controls]) handler(message);
    }
  }

  onControl(handler: (message: ClubControl) => void): Unsubscribe {
    return addHandler(this.controls, handler);
  }

  budget(name: string, ratePerSecond: number, capacity: number, now: number): SharedBudget {
    const existing = this.hub.budgets.get(name);
    if (existing !== undefined) return existing;
    const bucket = new TokenBucket(ratePerSecond, capacity, now);
    this.hub.budgets.set(name, bucket);
    return bucket;
  }

  /** Nothing between relays of one process is ever lost, so it never resumes. */
  onResumed(): Unsubscribe {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.hub.members.delete(this);
    this.documents.clear();
    this.controls.clear();
  }
}
