import { describe, expect, it } from 'vitest';
import { runRoomBusTests } from './bus-conformance';
import { InProcessBus, InProcessBusHub } from './bus-in-process';

runRoomBusTests('in-process bus', {
  async open() {
    const hub = new InProcessBusHub();
    return [hub.join(), hub.join()] as const;
  },
  async cleanup() {},
});

describe('a relay alone', () => {
  it('has a bus that shares with nobody and delivers nothing', async () => {
    const bus = new InProcessBus();
    const received: unknown[] = [];
    await bus.subscribe('club/doc', (message) => received.push(message));
    bus.publish('club/doc', { type: 'update', frame: new Uint8Array([0, 2, 0]) });
    bus.publishControl({ type: 'keysRotated', clubId: 'club' });
    expect(bus.shared).toBe(false);
    expect(received).toEqual([]);
  });
});
