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
  /** When the ping went, on the heartbeat's clock. */
  readonly at: number;
  answered: boolean;
  /** Bytes handed to the kernel in the interval before the ping: what may be queued ahead of it. */
  readonly ahead: number;
  read: number;
  flushed: number;
  waiting: number;
}

/**
 * A send this large just before a ping may still sit in the kernel's send buffer (Linux lets it grow to
 * megabytes) with the ping behind it: at 1 Mbit/s, 256 KiB alone take two seconds to leave.
 */
const LARGE_SEND_BYTES = 256 * 1024;

/**
 * Finds dead sockets (a tablet that lost its signal never sends a close): each socket is pinged once per
 * interval and cut at the next visit if it gave no sign of life meanwhile.
 *
 * A sign of life is the pong, or any bytes from the peer, or, when data was waiting to go out, some of it
 * having gone, or a large send just before the ping (the ping may still be behind it). A socket is never judged sooner
 * than most of an interval after its ping, wherever the round has moved it. On a 1 Mbit/s village link a large first sync takes longer than the interval, and the ping
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
    private readonly intervalMs: number,
    private readonly trafficOf: (socket: Socket) => SocketTraffic | undefined,
    private readonly slices = 20,
    private readonly now: () => number = () => performance.now(),
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
      // A round starts once per interval, and only with sockets to visit: an empty round would run on and
      // visit the first socket to arrive, then start the next round a tick later.
      if (this.ticksIntoRound < this.slices || this.sockets.size === 0) {
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
    const now = this.now();
    // Sockets that left the set move the others forward in the round; a late pong gets its full time.
    if (last !== undefined && now - last.at < this.intervalMs * 0.75) return;
    const traffic = this.trafficOf(socket);
    if (last !== undefined && !last.answered && !this.showedLife(last, traffic)) {
      socket.terminate();
      return;
    }
    const flushedBefore = flushedBytes(traffic);
    socket.ping();
    // Counted after the ping, so the ping's own bytes are not taken for the peer's progress next time.
    const after = this.trafficOf(socket);
    this.visits.set(socket, {
      at: now,
      answered: false,
      ahead: flushedBefore - (last?.flushed ?? 0),
      read: after?.bytesRead ?? 0,
      flushed: flushedBytes(after),
      waiting: after?.writableLength ?? 0,
    });
  }

  private showedLife(last: Visit, traffic: SocketTraffic | undefined): boolean {
    if (traffic === undefined) return false;
    if (traffic.bytesRead > last.read) return true;
    const flushed = flushedBytes(traffic);
    // Bytes only leave a full send buffer as the peer acknowledges them.
    if (last.waiting > 0 && flushed > last.flushed) return true;
    return last.ahead >= LARGE_SEND_BYTES;
  }
}

/** Bytes that have left Node for the kernel. */
function flushedBytes(traffic: SocketTraffic | undefined): number {
  return traffic === undefined ? 0 : traffic.bytesWritten - traffic.writableLength;
}
