import { CloseCode } from '@chungtay/protocol';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Connection, type Transport } from './connection';
import { DEFAULT_LIMITS, type RelayLimits } from './limits';
import { ManualClock } from './manual-clock';
import { Metrics } from './metrics';

function setup(limits: Partial<RelayLimits> = {}) {
  const clock = new ManualClock();
  const calls: string[] = [];
  const handled: number[] = [];
  const transport: Transport = {
    send: (data) => calls.push(`send ${data[0]}`),
    close: (code) => calls.push(`close ${code} after ${handled.length}`),
    cork: () => calls.push('cork'),
    uncork: () => calls.push('uncork'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
  };
  const metrics = new Metrics();
  const connection = new Connection(1, 'club', true, transport, {
    limits: { ...DEFAULT_LIMITS, ...limits },
    metrics,
    logger: pino({ level: 'silent' }),
    now: clock.now,
    setTimer: clock.setTimer,
  });
  let released = 0;
  connection.onClose(() => {
    released += 1;
  });
  const open = (handle: (data: Uint8Array) => void = (data) => handled.push(data[0] ?? -1)) =>
    connection.open(handle, () => undefined);
  const receive = (from: number, count: number) => {
    for (let i = from; i < from + count; i++) connection.receive(Uint8Array.of(i % 256));
  };
  return { clock, calls, handled, metrics, connection, open, receive, released: () => released };
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i % 256);

describe('Connection', () => {
  it('sends two frames inside one cork of the transport, so they leave in one write', () => {
    const { calls, metrics, connection, open } = setup();
    open();
    connection.sendTogether(Uint8Array.of(0), Uint8Array.of(20));
    expect(calls).toEqual(['cork', 'send 0', 'send 20', 'uncork']);
    expect(metrics.messagesSent).toBe(2);
  });

  it('slows a sender over its rate instead of closing it, and handles everything in order', () => {
    const { clock, calls, handled, metrics, connection, open, receive } = setup({
      rateLimitMessagesPerSecond: 100,
      rateLimitBurst: 10,
    });
    open();
    receive(0, 500);
    expect(handled).toEqual(range(10));
    expect(calls).toEqual(['pause']);
    clock.advance(5_000);
    expect(handled).toEqual(range(500));
    expect(calls).toEqual(['pause', 'resume']);
    expect([connection.isClosed, metrics.closed.size, metrics.messagesHeldBack]).toEqual([false, 0, 490]);
  });

  it('handles the frames a client sent before closing its socket, then leaves', () => {
    const { clock, calls, handled, metrics, connection, open, receive, released } = setup({
      rateLimitMessagesPerSecond: 10,
      rateLimitBurst: 2,
    });
    open();
    receive(0, 10);
    connection.peerClosed();
    expect([handled.length, released(), connection.isClosed]).toEqual([2, 0, false]);
    connection.send(Uint8Array.of(9));
    clock.advance(1_000);
    expect(handled).toEqual(range(10));
    expect([released(), connection.isClosed, metrics.connections]).toEqual([1, true, 0]);
    // Nothing goes to a socket that is gone, not even a close frame.
    expect(calls.filter((call) => !call.startsWith('pause') && !call.startsWith('resume'))).toEqual([]);
  });

  it('keeps the frames of a client that left before it was admitted, and handles them once it is', () => {
    const { handled, connection, open, receive, released } = setup();
    receive(0, 3);
    connection.peerClosed();
    expect(released()).toBe(0);
    open();
    expect(handled).toEqual(range(3));
    expect(released()).toBe(1);
  });

  it('closes a connection held back for rateLimitCloseAfterMs with 4003, after handling every frame it delivered', () => {
    const { clock, calls, handled, metrics, connection, open, receive } = setup({
      rateLimitMessagesPerSecond: 10,
      rateLimitBurst: 1,
      rateLimitCloseAfterMs: 1_000,
    });
    open();
    receive(0, 40);
    clock.advance(999);
    expect(metrics.closed.size).toBe(0);
    clock.advance(1);
    // Decided at 1 s: counted and logged at once; frames arriving from then on are not taken.
    expect(metrics.closed.get('rateLimited')).toBe(1);
    receive(40, 5);
    expect(metrics.messagesReceived).toBe(40);
    clock.advance(10_000);
    expect(handled).toEqual(range(40));
    expect(calls.filter((call) => call.startsWith('close'))).toEqual([
      `close ${CloseCode.rateLimited} after 40`,
    ]);
    expect(connection.isClosed).toBe(true);
  });

  it('drops the frames still waiting after bad input', () => {
    const { clock, calls, handled, metrics, connection, open, receive } = setup({
      rateLimitMessagesPerSecond: 10,
      rateLimitBurst: 1,
    });
    open((data) => {
      handled.push(data[0] ?? -1);
      if (data[0] === 3) connection.fail('malformedMessage');
    });
    receive(0, 10);
    clock.advance(10_000);
    expect(handled).toEqual(range(4));
    expect(calls.filter((call) => call.startsWith('close'))).toEqual([
      `close ${CloseCode.malformedMessage} after 4`,
    ]);
    expect([metrics.closed.get('malformedMessage'), metrics.connectionsHeldBack]).toEqual([1, 0]);
  });

  it('checks the size of each frame in its turn, after the frames before it', () => {
    const { clock, calls, handled, connection, open } = setup({
      rateLimitMessagesPerSecond: 10,
      rateLimitBurst: 1,
      maxMessageBytes: 4,
    });
    open();
    connection.receive(Uint8Array.of(0));
    connection.receive(Uint8Array.of(1));
    connection.receive(new Uint8Array(5));
    clock.advance(1_000);
    expect(handled).toEqual([0, 1]);
    expect(calls.filter((call) => call.startsWith('close'))).toEqual([
      `close ${CloseCode.messageTooLarge} after 2`,
    ]);
  });

  it('on shutdown handles every frame already received at once, then closes with 4005', () => {
    const { calls, handled, connection, open, receive } = setup({
      rateLimitMessagesPerSecond: 1,
      rateLimitBurst: 1,
    });
    open();
    receive(0, 50);
    connection.finish('shuttingDown');
    expect(handled).toEqual(range(50));
    expect(calls.filter((call) => call.startsWith('close'))).toEqual([
      `close ${CloseCode.shuttingDown} after 50`,
    ]);
  });
});
