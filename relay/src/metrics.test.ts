import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';

describe('Metrics', () => {
  it('renders counters, and per-second gauges over the sampled window', () => {
    const metrics = new Metrics();
    metrics.sampleRates(0);
    metrics.updatesReceived = 60;
    metrics.updatesStored = 50;
    metrics.bytesReceived = 5_000;
    metrics.bytesSent = 15_000;
    metrics.countClosed('rateLimited');
    metrics.sampleRates(10_000);
    const text = metrics.render();
    expect(text).toContain('relay_updates_stored_total 50');
    expect(text).toContain('relay_updates_received_per_second 6\n');
    expect(text).toContain('relay_updates_stored_per_second 5\n');
    expect(text).toContain('relay_bytes_received_per_second 500\n');
    expect(text).toContain('relay_bytes_sent_per_second 1500\n');
    expect(text).toContain('# TYPE relay_bytes_sent_per_second gauge');
    expect(text).toContain('relay_connections_closed_total{reason="rateLimited"} 1');
  });
});
