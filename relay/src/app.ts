import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { BlobStore } from './blob/blob-store';
import type { RelayConfig } from './config';
import { Metrics } from './metrics';
import { ClubQuotas, type UsageSource } from './quota';
import { Relay } from './relay';
import type { RoomBus } from './room/bus';
import { createRelayServer } from './server';
import type { Storage } from './store/doc-store';

export interface RunningRelay {
  /** The bound port (useful with port 0). */
  readonly port: number;
  readonly metrics: Metrics;
  close(): Promise<void>;
}

/** Wires storage, core and server together and listens; used by main.ts and by the integration tests. */
export async function startRelay(
  config: RelayConfig,
  storage: Storage & { readonly usage?: UsageSource; readonly blobs?: BlobStore | undefined },
  logger: Logger,
  /** Shares rooms with other relay processes (main.ts opens it from REDIS_URL); alone when undefined. */
  bus?: RoomBus,
): Promise<RunningRelay> {
  const metrics = new Metrics();
  if (storage.usage === undefined)
    logger.warn('club quotas off: this store cannot report what a club stores');
  const now = () => performance.now();
  const relay = new Relay({
    storage,
    metrics,
    logger,
    now,
    bus,
    quotas: storage.usage === undefined ? undefined : new ClubQuotas(storage.usage, config.limits),
    options: {
      limits: config.limits,
      compactAfterUpdates: config.compactAfterUpdates,
      storedAckIntervalMs: config.storedAckIntervalMs,
      syncChunkBytes: config.syncChunkBytes,
      viewerNoticeIntervalMs: 5_000,
    },
  });
  const server = createRelayServer({
    relay,
    storage,
    metrics,
    logger,
    staticDir: config.staticDir,
    registrationCode: config.registrationCode,
    maxMessageBytes: config.limits.maxMessageBytes,
    pingIntervalMs: config.pingIntervalMs,
    now,
    blobs: storage.blobs,
  });
  await new Promise<void>((resolve, reject) => {
    server.http.once('error', reject);
    server.http.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.http.address() as AddressInfo;
  const sampler = setInterval(() => metrics.sampleRates(performance.now()), 1000);
  sampler.unref();
  metrics.sampleRates(performance.now());
  return {
    port,
    metrics,
    close: () => {
      clearInterval(sampler);
      return server.close();
    },
  };
}
