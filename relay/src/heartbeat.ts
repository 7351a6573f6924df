/** What the heartbeat needs from a socket; a `ws` WebSocket has all of it. */
export interface HeartbeatSocket {
  ping(): void;
  terminate(): void;
}

/** Byte counters of a socket's connection (node:net's Socket has them). */
export interface SocketTraffic {
  /** Bytes received from the peer so far. */
  readonly bytesRead: number;
  /** Bytes handed to the socket so far, whether or not they have left. */
  readonly bytesWritten: number;
  /** Of those, bytes still waiting because the kernel's send buffer is full. */
  readonly writableLength: number;
}

interface Visit {
  answered: boolean;
  read: number;
  flushed: number;
  waiting: number;
}

/**
 * Finds dead sockets (a tablet that lost its signal never sends a close): each socket is pinged once per
 * interval and cut at the next visit if it gave no sign of life meanwhile.
 *
 * A sign of life is the pong, or any bytes from the peer, or, when data was waiting to go out, some of it
 * having gone. On a 1 Mbit/s village link a large first sync takes longer than the interval, and the ping
 * queues behind it (or the pong behind a large upload): the peer is alive, its pong just cannot arrive yet.
 *
 * The sockets are visited a slice at a time, spread over the interval. Pinging all of them at once wrote one
 * frame per socket in a single burst, during which no update was forwarded: ~10 ms for 200 tablets, well
 * over a second for a relay holding tens of thousands.
 */
export class Heartbeat<Socket extends HeartbeatSocket> {
  private readonly visits = new WeakMap<Socket, Visit>();
  private round: Iterator<Socket> | undefined;
  /** Ticks since the current round started; a round starts at most once per `slices` ticks. */
  private ticksIntoRound: number;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly sockets: Set<Socket>,
    intervalMs: number,
    private readonly trafficOf: (socket: Socket) => SocketTraffic | undefined,
    private readonly slices = 20,
  ) {
    this.ticksIntoRound = slices;
    this.timer = setInterval(() => this.tick(), intervalMs / slices);
    this.timer.unref();
  }

  pong(socket: Socket): void {
    const visit = this.visits.get(socket);
    if (visit !== undefined) visit.answered = true;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    if (this.round === undefined) {
      if (this.ticksIntoRound < this.slices) {
        this.ticksIntoRound += 1;
        return;
      }
      this.round = this.sockets.values();
      this.ticksIntoRound = 0;
    }
    this.ticksIntoRound += 1;
    // Sockets added during a round are visited in it (a Set's iterator reaches them); removed ones are not.
    for (let budget = Math.ceil(this.sockets.size / this.slices); budget > 0; budget--) {
      const next = this.round.next();
      if (next.done) {
        this.round = undefined;
        return;
      }
      this.visit(next.value);
    }
  }

  private visit(socket: Socket): void {
    const last = this.visits.get(socket);
    const traffic = this.trafficOf(socket);
    if (last !== undefined && !last.answered && !this.showedLife(last, traffic)) {
      socket.terminate();
      return;
    }
    socket.ping();
    this.visits.set(socket, {
      answered: false,
      read: traffic?.bytesRead ?? 0,
      flushed: traffic === undefined ? 0 : traffic.bytesWritten - traffic.writableLength,
      waiting: traffic?.writableLength ?? 0,
    });
  }

  private showedLife(last: Visit, traffic: SocketTraffic | undefined): boolean {
    if (traffic === undefined) return false;
    if (traffic.bytesRead > last.read) return true;
    // Bytes only leave a full send buffer as the peer acknowledges them.
    return last.waiting > 0 && traffic.bytesWritten - traffic.writableLength > last.flushed;
  }
}
