import { isViewerDocument, parseDocumentName } from '@chungtay/protocol';
import type { Logger } from 'pino';
import { type AccessDecision, authorizeHash } from './access';
import type { Connection } from './connection';
import type { ClubRegistry } from './store/doc-store';

/**
 * Every connection of this process, and what closes them when their access changes: a rotation, a tablet
 * cut off, a club deleted, a document retired. Each change counts as a rotation of its club, so that an
 * admission whose access check raced it decides again (see admission.ts).
 */
export class ClubConnections {
  private readonly connections = new Set<Connection>();
  /** Rotations per club since start, so an access check that raced a rotation is redone. */
  private readonly rotations = new Map<string, number>();

  constructor(
    private readonly clubs: ClubRegistry,
    private readonly logger: Logger,
  ) {}

  /** Counts a new connection (the cap counts it from now on) until it closes. */
  add(connection: Connection): void {
    this.connections.add(connection);
    connection.onClose(() => this.connections.delete(connection));
  }

  get size(): number {
    return this.connections.size;
  }

  rotationsOf(clubId: string): number {
    return this.rotations.get(clubId) ?? 0;
  }

  private rotated(clubId: string): void {
    this.rotations.set(clubId, this.rotationsOf(clubId) + 1);
  }

  /** One tablet was cut off: the connections using its key close with 4411. */
  closeTablet(clubId: string, keyHash: string): void {
    this.rotated(clubId);
    for (const connection of this.ofClub(clubId))
      if (connection.keyHash === keyHash) connection.fail('tabletRevoked');
  }

  /** The club is gone: every connection of it closes with 4410, tablets' own too. */
  closeClub(clubId: string): void {
    this.rotated(clubId);
    for (const connection of this.ofClub(clubId)) connection.fail('keyRevoked');
  }

  /**
   * These documents were retired (issue 12 §2): their connections close as a refused append closes them
   * (1011), admitted or still being admitted, so none is served the old generation from memory.
   */
  closeDocuments(names: readonly string[]): void {
    const retired = new Set(names);
    for (const connection of [...this.connections])
      if (retired.has(connection.documentName)) connection.fail('storageError');
  }

  /** Counts as a rotation (so an admission racing it is decided again), then checks the club's connections. */
  recheckClub(clubId: string): void {
    this.rotated(clubId);
    this.recheck(this.ofClub(clubId));
  }

  /** Every connection checked again: after a bus outage, a rotation's message may have been lost. */
  recheckAll(): void {
    this.recheck([...this.connections]);
  }

  /** Handles every frame already received, then closes each connection with 4005. */
  finishAll(): void {
    for (const connection of [...this.connections]) connection.finish('shuttingDown');
  }

  private ofClub(clubId: string): Connection[] {
    return [...this.connections].filter((connection) => {
      const parsed = parseDocumentName(connection.documentName);
      return parsed.ok && parsed.value.clubId === clubId && connection.role !== undefined;
    });
  }

  private recheck(connections: readonly Connection[]): void {
    this.recheckConnections(connections).catch((error: unknown) =>
      this.logger.error({ err: error }, 'checking keys again failed'),
    );
  }

  /**
   * Decides each connection's key again from its hash and closes those no longer admitted: a retired key or
   * a club gone with 4410, a tablet cut off with 4411.
   */
  private async recheckConnections(connections: readonly Connection[]): Promise<void> {
    // A decision depends only on the club, the key and whether a viewer may open the document: one registry
    // read per tablet after a bus outage, not one per open document.
    const decisions = new Map<string, Promise<AccessDecision>>();
    for (const connection of connections) {
      const parsed = parseDocumentName(connection.documentName);
      if (!parsed.ok || connection.keyHash === undefined) continue;
      const memo = `${parsed.value.clubId} ${connection.keyHash} ${isViewerDocument(parsed.value.name)}`;
      const pending = decisions.get(memo) ?? authorizeHash(this.clubs, parsed.value, connection.keyHash);
      decisions.set(memo, pending);
      const decision = await pending;
      if (decision.type === 'granted' || connection.isClosed) continue;
      connection.fail(decision.reason === 'tabletRevoked' ? 'tabletRevoked' : 'keyRevoked');
    }
  }
}
