import { RateWindow } from './rate-window';

export type CloseReason =
  | 'malformedMessage'
  | 'awarenessLimit'
  | 'messageTooLarge'
  | 'rateLimited'
  | 'serverBusy'
  | 'tooManyConnections'
  | 'documentQuotaExceeded'
  | 'storageQuotaExceeded'
  | 'shuttingDown'
  | 'invalidDocumentName'
  | 'unauthorized'
  | 'privateDocument'
  | 'clubNotRegistered'
  | 'keyRevoked'
  | 'tabletRevoked'
  | 'unsupportedProtocolVersion'
  | 'storageError';

/** Why a club registration was refused for its code. */
export type RegistrationRefusal = 'missingCode' | 'wrongCode' | 'tooManyAttempts';

/**
 * Counters and gauges for GET /metrics in Prometheus text format. Prometheus computes rates from the
 * counters; the `_per_second` gauges (the last 10 s) are for reading by hand. No key or document name ever
 * becomes a label.
 */
export class Metrics {
  connections = 0;
  documentsInMemory = 0;
  updatesReceived = 0;
  updatesStored = 0;
  bytesReceived = 0;
  messagesReceived = 0;
  bytesSent = 0;
  messagesSent = 0;
  viewerWritesDropped = 0;
  compactions = 0;
  /** Messages that had to wait for their connection's rate limit (see inbound-queue.ts). */
  messagesHeldBack = 0;
  /** Connections whose messages are waiting for their rate limit now. */
  connectionsHeldBack = 0;
  /** Stored updates other relay processes sent over the room bus that this one took in (room/bus.ts). */
  updatesFromOtherProcesses = 0;
  /** Times the room bus came back after an outage and every room re-read the store. */
  busResumes = 0;
  /** Connections refused at connect time, by reason. */
  readonly refused = new Map<CloseReason, number>();
  /** Established connections closed by the relay, by reason. */
  readonly closed = new Map<CloseReason, number>();
  /** Club registrations refused for their code, by reason. */
  readonly registrationsRefused = new Map<RegistrationRefusal, number>();
  private readonly rates = new RateWindow();

  /** Takes a sample for the per-second gauges; the relay calls it once a second. */
  sampleRates(at: number): void {
    this.rates.record(at, [this.updatesReceived, this.updatesStored, this.bytesReceived, this.bytesSent]);
  }

  countRefused(reason: CloseReason): void {
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + 1);
  }

  countClosed(reason: CloseReason): void {
    this.closed.set(reason, (this.closed.get(reason) ?? 0) + 1);
  }

  countRegistrationRefused(reason: RegistrationRefusal): void {
    this.registrationsRefused.set(reason, (this.registrationsRefused.get(reason) ?? 0) + 1);
  }

  render(): string {
    const lines: string[] = [];
    const metric = (
      name: string,
      type: 'counter' | 'gauge',
      help: string,
      samples: Array<[string, number]>,
    ) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    const byReason = (map: ReadonlyMap<string, number>): Array<[string, number]> =>
      [...map].map(([reason, value]) => [`{reason="${reason}"}`, value]);
    metric('relay_connections', 'gauge', 'Open sync connections.', [['', this.connections]]);
    metric('relay_documents_in_memory', 'gauge', 'Documents loaded in memory.', [
      ['', this.documentsInMemory],
    ]);
    metric('relay_messages_received_total', 'counter', 'WebSocket messages received.', [
      ['', this.messagesReceived],
    ]);
    metric('relay_bytes_received_total', 'counter', 'WebSocket bytes received.', [['', this.bytesReceived]]);
    metric('relay_messages_sent_total', 'counter', 'WebSocket messages sent.', [['', this.messagesSent]]);
    metric('relay_bytes_sent_total', 'counter', 'WebSocket bytes sent.', [['', this.bytesSent]]);
    metric('relay_updates_received_total', 'counter', 'Document updates received from editors.', [
      ['', this.updatesReceived],
    ]);
    metric('relay_updates_stored_total', 'counter', 'Document updates durably appended.', [
      ['', this.updatesStored],
    ]);
    metric('relay_viewer_writes_dropped_total', 'counter', 'Updates from viewers dropped.', [
      ['', this.viewerWritesDropped],
    ]);
    metric('relay_compactions_total', 'counter', 'Document compactions.', [['', this.compactions]]);
    metric(
      'relay_messages_held_back_total',
      'counter',
      "Messages that waited for their connection's rate limit.",
      [['', this.messagesHeldBack]],
    );
    metric('relay_connections_held_back', 'gauge', 'Connections slowed by their rate limit now.', [
      ['', this.connectionsHeldBack],
    ]);
    metric(
      'relay_updates_from_other_processes_total',
      'counter',
      'Updates stored by other relay processes and taken in over Redis.',
      [['', this.updatesFromOtherProcesses]],
    );
    metric(
      'relay_bus_resumes_total',
      'counter',
      'Reconnections to Redis after which rooms re-read the store.',
      [['', this.busResumes]],
    );
    const [updatesIn = 0, updatesStored = 0, bytesIn = 0, bytesOut = 0] = this.rates
      .perSecond(4)
      .map((rate) => Math.round(rate * 10) / 10);
    metric('relay_updates_received_per_second', 'gauge', 'Updates received, per second over the last 10 s.', [
      ['', updatesIn],
    ]);
    metric('relay_updates_stored_per_second', 'gauge', 'Updates stored, per second over the last 10 s.', [
      ['', updatesStored],
    ]);
    metric('relay_bytes_received_per_second', 'gauge', 'Bytes received, per second over the last 10 s.', [
      ['', bytesIn],
    ]);
    metric('relay_bytes_sent_per_second', 'gauge', 'Bytes sent, per second over the last 10 s.', [
      ['', bytesOut],
    ]);
    metric(
      'relay_connections_refused_total',
      'counter',
      'Connections refused at connect, by reason.',
      byReason(this.refused),
    );
    metric(
      'relay_connections_closed_total',
      'counter',
      'Connections closed by the relay, by reason.',
      byReason(this.closed),
    );
    metric(
      'relay_registrations_refused_total',
      'counter',
      'Club registrations refused for their registration code, by reason.',
      byReason(this.registrationsRefused),
    );
    return `${lines.join('\n')}\n`;
  }
}
