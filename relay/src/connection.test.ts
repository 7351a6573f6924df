import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Connection, type Transport } from './connection';
import { DEFAULT_LIMITS } from './limits';
import { Metrics } from './metrics';

describe('Connection', () => {
  it('sends two frames inside one cork of the transport, so they leave in one write', () => {
    const calls: string[] = [];
    const transport: Transport = {
      send: (data) => calls.push(`send ${data[0]}`),
      close: () => calls.push('close'),
      cork: () => calls.push('cork'),
      uncork: () => calls.push('uncork'),
    };
    const metrics = new Metrics();
    const connection = new Connection(1, 'club', true, transport, {
      limits: DEFAULT_LIMITS,
      metrics,
      logger: pino({ level: 'silent' }),
      now: () => 0,
    });
    connection.open(
      () => undefined,
      () => undefined,
    );
    connection.sendTogether(Uint8Array.of(0), Uint8Array.of(20));
    expect(calls).toEqual(['cork', 'send 0', 'send 20', 'uncork']);
    expect(metrics.messagesSent).toBe(2);
  });
});
