/**
 * Light benchmark clients that speak the y-websocket protocol on a bare `ws` socket: each keeps a Y.Doc of its
 * own edits only and sends real Yjs updates, but reads what arrives just far enough to know whose edit it is
 * (Y.parseUpdateMeta), instead of applying it to a document. A provider client spends a few hundred
 * microseconds of the benchmark's one event loop per message; at 200 clients that work, not the relay,
 * decided the latency tail. These clients leave the relay's own work as most of what is measured.
 */
import { connectionProtocols, MessageType, SyncMessageType, versionParams } from '@chungtay/protocol';
import { syncFrame } from '@chungtay/sync-frames';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { BenchClub } from './clients';
import type { ServerProcess } from './server-process';

/** When each edit left its sender, keyed by the Yjs id of the edit's first item. */
export class SendTimes {
  private readonly times = new Map<number, Map<number, number>>();

  record(client: number, clock: number, at: number): void {
    const clocks = this.times.get(client) ?? new Map<number, number>();
    this.times.set(client, clocks);
    clocks.set(clock, at);
  }

  get(client: number, clock: number): number | undefined {
    return this.times.get(client)?.get(clock);
  }
}

export class WireClient {
  readonly doc = new Y.Doc();
  synced = false;
  /** The `x-bench-relay` header of the upgrade answer: which relay behind the balancer took it (cluster.ts). */
  upstream: string | undefined;
  private readonly socket: WebSocket;

  constructor(
    server: Pick<ServerProcess, 'syncUrl'>,
    club: BenchClub,
    room: string,
    private readonly sendTimes: SendTimes,
    /** Called with the latency of each edit from another client, on arrival, and that client's Yjs id. */
    private readonly onArrival: (latencyMs: number, sender: number) => void,
  ) {
    const query = new URLSearchParams(versionParams()).toString();
    this.socket = new WebSocket(
      `${server.syncUrl}/${club.clubId}/${room}?${query}`,
      connectionProtocols(club.editorKey),
    );
    this.socket.binaryType = 'nodebuffer';
    this.socket.once('upgrade', (response) => {
      const relay = response.headers['x-bench-relay'];
      this.upstream = typeof relay === 'string' ? relay : undefined;
    });
    this.socket.on('open', () =>
      this.socket.send(syncFrame(SyncMessageType.step1, Y.encodeStateVector(this.doc))),
    );
    this.socket.on('message', (data: Buffer) => this.receive(data));
  }

  /** Sets this client's ping entry and sends the resulting update; the send time is taken at the socket. */
  ping(): void {
    const map = this.doc.getMap<number>('pings');
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    this.doc.on('update', capture);
    map.set(String(this.doc.clientID), clock);
    this.doc.off('update', capture);
    if (update === undefined) throw new Error('no update');
    const message = syncFrame(SyncMessageType.update, update);
    this.sendTimes.record(this.doc.clientID, clock, performance.now());
    this.socket.send(message);
  }

  private receive(data: Buffer): void {
    const arrived = performance.now();
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return; // presence and the relay's notices
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SyncMessageType.step1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      this.socket.send(syncFrame(SyncMessageType.step2, Y.encodeStateAsUpdate(this.doc, stateVector)));
    } else if (syncType === SyncMessageType.step2) {
      this.synced = true;
    } else if (syncType === SyncMessageType.update) {
      const { from } = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
      for (const [client, clock] of from) {
        if (client === this.doc.clientID) continue; // the reference server echoes to the sender
        const sent = this.sendTimes.get(client, clock);
        if (sent !== undefined) this.onArrival(arrived - sent, client);
      }
    }
  }

  destroy(): void {
    this.socket.close();
    this.doc.destroy();
  }
}
