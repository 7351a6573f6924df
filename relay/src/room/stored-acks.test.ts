import { decodeCustomMessage } from '@chungtay/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeStateVector } from './encoded-doc';
import { StoredAcks } from './stored-acks';

function receiver() {
  const reports: Array<Map<number, number>> = [];
  const counts: Array<number | undefined> = [];
  return {
    isClosed: false,
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
});
