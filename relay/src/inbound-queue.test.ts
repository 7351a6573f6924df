import { describe, expect, it } from 'vitest';
import {
  type HeldBackCounters,
  InboundQueue,
  type InboundQueueOptions,
  PAUSE_AT_BYTES,
  PAUSE_AT_MESSAGES,
  RESUME_AT_MESSAGES,
} from './inbound-queue';
import { ManualClock } from './manual-clock';

function setup(options: InboundQueueOptions) {
  const clock = new ManualClock();
  const handled: number[] = [];
  const events: string[] = [];
  const counters: HeldBackCounters = { messagesHeldBack: 0, connectionsHeldBack: 0 };
  let queue: InboundQueue | undefined;
  const hooks = {
    now: clock.now,
    setTimer: clock.setTimer,
    counters,
    handle: (data: Uint8Array) => handled.push(data[0] ?? -1),
    pause: () => events.push(`pause at ${queue?.length}`),
    resume: () => events.push(`resume at ${queue?.length}`),
    overloaded: () => events.push(`overloaded at ${clock.now()} ms`),
    drained: () => events.push('drained'),
  };
  queue = new InboundQueue(options, hooks);
  const push = (from: number, count: number, bytes = 1) => {
    for (let i = from; i < from + count; i++) {
      const data = new Uint8Array(bytes);
      data[0] = i % 256;
      queue?.push(data);
    }
  };
  return { clock, queue, handled, events, counters, push };
}

const range = (count: number, from = 0) => Array.from({ length: count }, (_, i) => (from + i) % 256);
const without = (events: string[], name: string) => events.filter((event) => event !== name);

describe('InboundQueue', () => {
  it('handles a burst at once, then the rest at the rate, in the order received', () => {
    const { clock, queue, handled, push } = setup({ ratePerSecond: 100, burst: 5, closeAfterMs: 60_000 });
    queue.start();
    push(0, 25);
    expect(handled).toEqual(range(5));
    clock.advance(100);
    expect(handled).toEqual(range(15));
    clock.advance(100);
    expect(handled).toEqual(range(25));
    expect(clock.pendingTimers).toBe(0);
  });

  it('holds messages until started, and paces them from then on', () => {
    const { clock, queue, handled, push } = setup({ ratePerSecond: 10, burst: 3, closeAfterMs: 60_000 });
    push(0, 5);
    clock.advance(5_000);
    expect(handled).toEqual([]);
    queue.start();
    expect(handled).toEqual(range(3));
    clock.advance(200);
    expect(handled).toEqual(range(5));
  });

  it('stops reading the socket while many messages wait, and reads again once the queue is short', () => {
    const { clock, queue, handled, events, push } = setup({
      ratePerSecond: 100,
      burst: 1,
      closeAfterMs: 60_000,
    });
    queue.start();
    push(0, 100);
    // Paused as the 64th waiting message came; the ones already read are still taken, in order.
    expect(without(events, 'drained')).toEqual([`pause at ${PAUSE_AT_MESSAGES}`]);
    expect(queue.length).toBe(99);
    clock.advance(1_000);
    expect(without(events, 'drained')).toEqual([
      `pause at ${PAUSE_AT_MESSAGES}`,
      `resume at ${RESUME_AT_MESSAGES}`,
    ]);
    expect(handled).toEqual(range(100));
  });

  it('stops reading the socket while a megabyte waits, whatever the count', () => {
    const { queue, events, push } = setup({ ratePerSecond: 10, burst: 1, closeAfterMs: 60_000 });
    queue.start();
    push(0, 1);
    push(1, 1, PAUSE_AT_BYTES / 2);
    expect(events.filter((event) => event.startsWith('pause'))).toEqual([]);
    push(2, 1, PAUSE_AT_BYTES / 2);
    expect(events.filter((event) => event.startsWith('pause'))).toEqual(['pause at 2']);
  });

  it('seals a sender held back without a break for closeAfterMs, then handles what it had delivered', () => {
    const { clock, queue, events, counters, handled, push } = setup({
      ratePerSecond: 10,
      burst: 1,
      closeAfterMs: 1_000,
    });
    queue.start();
    // Twenty messages every 100 ms against ten a second: it never catches up.
    for (let step = 0; step < 30; step++) {
      push(step * 20, 20);
      clock.advance(100);
    }
    // Sealed at 1 s, before the pushes of 1 s and later: 200 messages taken, all but the first held back.
    expect(events.filter((event) => event.startsWith('overloaded'))).toEqual(['overloaded at 1000 ms']);
    expect(counters).toEqual({ messagesHeldBack: 199, connectionsHeldBack: 1 });
    clock.advance(20_000);
    expect(handled).toEqual(range(200));
    expect(events.at(-1)).toBe('drained');
    expect(events.filter((event) => event.startsWith('resume'))).toEqual([]);
    expect(counters.connectionsHeldBack).toBe(0);
  });

  it('never reports a sender whose bursts it catches up with, however often they come', () => {
    const { clock, queue, events, counters, handled, push } = setup({
      ratePerSecond: 10,
      burst: 1,
      closeAfterMs: 1_000,
    });
    queue.start();
    // Nine messages every 900 ms: each burst waits 800 ms, then the queue is empty until the next.
    for (let step = 0; step < 25; step++) {
      push(step * 9, 9);
      expect(counters.connectionsHeldBack).toBe(1);
      clock.advance(900);
      expect(counters.connectionsHeldBack).toBe(0);
    }
    expect(events.filter((event) => event.startsWith('overloaded'))).toEqual([]);
    expect(handled).toEqual(range(225));
    expect(counters.messagesHeldBack).toBe(25 * 8);
  });

  it('after seal reads no more, handles what it holds at the usual pace, then reports it drained', () => {
    const { clock, queue, handled, events, push } = setup({
      ratePerSecond: 10,
      burst: 1,
      closeAfterMs: 1_000,
    });
    queue.start();
    push(0, 30);
    events.length = 0;
    queue.seal();
    push(30, 5);
    expect(events).toEqual(['pause at 29']);
    clock.advance(2_000);
    expect(handled).toEqual(range(21));
    clock.advance(1_000);
    expect(handled).toEqual(range(30));
    expect(events).toEqual(['pause at 29', 'drained']);
  });

  it('handles everything at once on flush, and nothing once stopped', () => {
    const { clock, queue, handled, counters, push } = setup({
      ratePerSecond: 1,
      burst: 1,
      closeAfterMs: 1_000,
    });
    queue.start();
    push(0, 10);
    queue.flush();
    expect(handled).toEqual(range(10));
    push(10, 10);
    expect(counters.connectionsHeldBack).toBe(1);
    queue.stop();
    expect([clock.pendingTimers, counters.connectionsHeldBack, queue.length]).toEqual([0, 0, 0]);
    push(20, 5);
    clock.advance(60_000);
    expect(handled).toEqual(range(10));
  });
});
