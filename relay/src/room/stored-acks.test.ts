import { decodeCustomMessage } from '@chungtay/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeStateVector } from './encoded-doc';
import { StoredAcks } from './stored-acks';

function receiver(relayMessages = true) {
  const reports: Array<Map<number, number>> = [];
  const counts: Array<number | undefined> = [];
  return {
    isClosed: false,
    relayMessages,
    updatesSettled: 0,
    reports,
    counts,
    send(data: Uint8Array) {
      const message = decodeCustomMessage(data);
      if (!message.ok || message.value.type !== 'stored') throw new Error('not a stored message');
      counts.push(message.value.settledUpdates);
      const clocks = new Map<number, number>();
      const bytes = message.value.stateVector;
      // Small client ids and clocks: one byte each.
      for (let i = 1; i < bytes.length; i += 2) clocks.set(bytes[i] ?? 0, bytes[i + 1] ?? 0);
      reports.push(clocks);
    },
  };
}

describe('StoredAcks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const held = new Map([
    [1, 10],
    [2, 20],
    [3, 30],
  ]);
  const clocksOf = (clients: ReadonlySet<number>) =>
    encodeStateVector(new Map([...clients].map((client) => [client, held.get(client) ?? 0])));

  it('acknowledges an occasional writer at once', () => {
    const acks = new StoredAcks(1000, () => Date.now());
    const tablet = receiver();
    acks.acknowledge(tablet, [1], clocksOf);
    vi.advanceTimersByTime(1500);
    acks.acknowledge(tablet, [2], clocksOf);
    expect(tablet.reports).toEqual([new Map([[1, 10]]), new Map([[2, 20]])]);
  });

  it('covers a busy writer with one acknowledgement per interval, holding every client it wrote', () => {
    const acks = new StoredAcks(1000, () => Date.now());
    const tablet = receiver();
    acks.acknowledge(tablet, [1], clocksOf);
    vi.advanceTimersByTime(200);
    acks.acknowledge(tablet, [2], clocksOf);
    acks.acknowledge(tablet, [3], clocksOf);
    expect(tablet.reports).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(tablet.reports).toEqual([
      new Map([[1, 10]]),
      new Map([
        [2, 20],
        [3, 30],
      ]),
    ]);
  });

  it('drops what is pending once a complete report went out, and skips closed connections', () => {
    const acks = new StoredAcks(1000, () => Date.now());
    const tablet = receiver();
    const gone = receiver();
    acks.acknowledge(tablet, [1], clocksOf);
    acks.acknowledge(gone, [1], clocksOf);
    acks.acknowledge(tablet, [2], clocksOf);
    acks.acknowledge(gone, [2], clocksOf);
    acks.sentComplete(tablet);
    gone.isClosed = true;
    vi.advanceTimersByTime(5000);
    expect(tablet.reports).toHaveLength(1);
    expect(gone.reports).toHaveLength(1);
  });

  it('reports the settled count as it is when the acknowledgement goes out', () => {
    const acks = new StoredAcks(1000, () => Date.now());
    const tablet = receiver();
    tablet.updatesSettled = 1;
    acks.acknowledge(tablet, [1], clocksOf);
    tablet.updatesSettled = 2;
    acks.acknowledge(tablet, [], clocksOf);
    tablet.updatesSettled = 3;
    acks.acknowledge(tablet, [2], clocksOf);
    vi.advanceTimersByTime(1000);
    expect(tablet.counts).toEqual([1, 3]);
    expect(tablet.reports[1]).toEqual(new Map([[2, 20]]));
  });

  it('lets the acknowledgement after a complete report go at once', () => {
    const acks = new StoredAcks(1000, () => Date.now());
    const tablet = receiver();
    acks.acknowledge(tablet, [1], clocksOf);
    acks.sentComplete(tablet);
    vi.advanceTimersByTime(100);
    tablet.updatesSettled = 1;
    acks.acknowledge(tablet, [], clocksOf);
    expect(tablet.counts).toEqual([0, 1]);
  });

  it('sends nothing to a stock y-websocket client, which does not understand acknowledgements', () => {
    const acks = new StoredAcks(1000, () => Date.now());
    const stock = receiver(false);
    acks.acknowledge(stock, [1], clocksOf);
    acks.acknowledge(stock, [2], clocksOf);
    vi.advanceTimersByTime(5000);
    acks.flush();
    expect(stock.reports).toEqual([]);
  });

  it('spreads the acknowledgements of many busy connections over the interval, not in one burst', () => {
    const acks = new StoredAcks(1000, () => Date.now());
    const tablets = Array.from({ length: 50 }, () => receiver());
    const total = () => tablets.reduce((sum, tablet) => sum + tablet.reports.length, 0);
    // Sends during each 20 ms of waiting: only held-back acknowledgements go out while time passes.
    const sentPerStep: number[] = [];
    const wait = () => {
      const before = total();
      vi.advanceTimersByTime(20);
      sentPerStep.push(total() - before);
    };
    // Each tablet writes at its own moment, then keeps writing: its second acknowledgement is held back.
    for (const tablet of tablets) {
      acks.acknowledge(tablet, [1], clocksOf);
      acks.acknowledge(tablet, [2], clocksOf);
      wait();
    }
    for (let step = 0; step < 60; step++) wait();
    expect(tablets.every((tablet) => tablet.reports.length === 2)).toBe(true);
    expect(Math.max(...sentPerStep)).toBeLessThanOrEqual(2);
  });

  it('lets a held-back acknowledgement ride along with a frame going to the tablet, from half an interval on', () => {
    const acks = new StoredAcks(1000, () => Date.now());
    const tablet = receiver();
    expect(acks.takeRideAlong(tablet)).toBeUndefined();
    acks.acknowledge(tablet, [1], clocksOf);
    acks.acknowledge(tablet, [2], clocksOf);
    vi.advanceTimersByTime(400);
    // Too soon after the last one: the frame goes alone.
    expect(acks.takeRideAlong(tablet)).toBeUndefined();
    vi.advanceTimersByTime(200);
    const ack = acks.takeRideAlong(tablet);
    if (ack === undefined) throw new Error('no acknowledgement to ride along');
    tablet.send(ack);
    expect(tablet.reports).toEqual([new Map([[1, 10]]), new Map([[2, 20]])]);
    // Taken, so the timer has nothing left to send.
    vi.advanceTimersByTime(2000);
    expect(tablet.reports).toHaveLength(2);
    expect(acks.takeRideAlong(tablet)).toBeUndefined();
  });
});
