import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from './heartbeat';

/** A socket and its TCP byte counts, as node:net reports them. */
class FakeSocket {
  pings = 0;
  terminated = false;
  bytesRead = 0;
  bytesWritten = 0;
  writableLength = 0;
  ping(): void {
    this.pings += 1;
    this.bytesWritten += 2;
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('Heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start(count: number) {
    const set = new Set(Array.from({ length: count }, () => new FakeSocket()));
    const heartbeat = new Heartbeat(
      set,
      30_000,
      (socket) => socket,
      30,
      () => Date.now(),
    );
    return { sockets: [...set], set, heartbeat };
  }

  it('pings every socket once per interval, a slice at a time', () => {
    const { sockets, heartbeat } = start(300);
    const pings = () => sockets.reduce((sum, socket) => sum + socket.pings, 0);
    const perTick: number[] = [];
    for (let tick = 0; tick < 30; tick++) {
      const before = pings();
      vi.advanceTimersByTime(1000);
      for (const socket of sockets) heartbeat.pong(socket);
      perTick.push(pings() - before);
    }
    expect(sockets.every((socket) => socket.pings === 1)).toBe(true);
    expect(Math.max(...perTick)).toBe(10);
    heartbeat.stop();
  });

  it('cuts a socket that gave no sign of life for an interval, and keeps one that answered', () => {
    const { sockets, heartbeat } = start(3);
    const [silent, answering] = sockets as [FakeSocket, FakeSocket, FakeSocket];
    vi.advanceTimersByTime(30_000);
    expect(sockets.map((socket) => socket.pings)).toEqual([1, 1, 1]);
    expect(silent.terminated).toBe(false);
    heartbeat.pong(answering);
    vi.advanceTimersByTime(30_000);
    expect(silent.terminated).toBe(true);
    expect(answering.terminated).toBe(false);
    expect(answering.pings).toBe(2);
    heartbeat.stop();
  });

  it('keeps a slow peer whose pong is stuck behind a large download or upload', () => {
    const { sockets, heartbeat } = start(3);
    const [downloading, uploading, stalled] = sockets as [FakeSocket, FakeSocket, FakeSocket];
    // Four megabytes queued for each; the kernel takes them only as the peer acknowledges.
    for (const socket of [downloading, stalled]) {
      socket.bytesWritten += 4_000_000;
      socket.writableLength = 3_800_000;
    }
    vi.advanceTimersByTime(30_000);
    downloading.writableLength -= 3_000_000;
    uploading.bytesRead += 3_000_000;
    vi.advanceTimersByTime(30_000);
    expect(downloading.terminated).toBe(false);
    expect(uploading.terminated).toBe(false);
    // Nothing left its full buffer: the peer is gone, however much is waiting for it.
    expect(stalled.terminated).toBe(true);
    heartbeat.stop();
  });

  it('does not take bytes entering an empty send buffer for a sign of life', () => {
    const { sockets, heartbeat } = start(1);
    const [gone] = sockets as [FakeSocket];
    vi.advanceTimersByTime(30_000);
    // Updates forwarded to a dead tablet still fit in the kernel's buffer.
    gone.bytesWritten += 5_000;
    vi.advanceTimersByTime(30_000);
    expect(gone.terminated).toBe(true);
    heartbeat.stop();
  });

  it('keeps a peer whose ping sits behind a large answer in the kernel, until nothing more leaves', () => {
    const { sockets, heartbeat } = start(1);
    const [tablet] = sockets as [FakeSocket];
    // A 3 MB first sync went into the kernel's buffer just before the ping; nothing waits in Node's.
    tablet.bytesWritten += 3_000_000;
    vi.advanceTimersByTime(30_000);
    expect(tablet.pings).toBe(1);
    vi.advanceTimersByTime(30_000);
    expect(tablet.terminated).toBe(false);
    vi.advanceTimersByTime(30_000);
    expect(tablet.terminated).toBe(true);
    heartbeat.stop();
  });

  it('never judges a socket sooner than most of an interval after its ping', () => {
    const { set, sockets, heartbeat } = start(30);
    // One socket a second: the last is pinged at 30 s.
    vi.advanceTimersByTime(30_000);
    for (const socket of sockets) heartbeat.pong(socket);
    const last = sockets[29] as FakeSocket;
    vi.advanceTimersByTime(29_000);
    // Twenty sockets leave: in the next round the last one comes up ten seconds after its second ping.
    for (const socket of sockets.slice(0, 20)) set.delete(socket);
    vi.advanceTimersByTime(12_000);
    expect(last.pings).toBe(2);
    expect(last.terminated).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(last.terminated).toBe(true);
    heartbeat.stop();
  });

  it('visits sockets that join during a round, and stops when told', () => {
    const { set, heartbeat } = start(1);
    vi.advanceTimersByTime(1_000);
    const joined = new FakeSocket();
    set.add(joined);
    vi.advanceTimersByTime(1_000);
    expect(joined.pings).toBe(1);
    // Never answers: cut at its next visit, a round later, not before.
    vi.advanceTimersByTime(20_000);
    expect(joined.terminated).toBe(false);
    vi.advanceTimersByTime(20_000);
    expect(joined.terminated).toBe(true);
    heartbeat.stop();
    const late = new FakeSocket();
    set.add(late);
    vi.advanceTimersByTime(120_000);
    expect(late.pings).toBe(0);
  });
});
