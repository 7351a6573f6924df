import { encodeNoticeMessage, MessageType, PROTOCOL_VERSION, parseDocumentName } from '@chungtay/protocol';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { writePermissionDenied } from 'y-protocols/auth';
import { type AccessDecision, authorize } from './access';
import type { ClubConnections } from './club-connections';
import type { Connection } from './connection';
import type { RelayLimits } from './limits';
import { handleMessage, type MessageHandlerContext } from './message-handler';
import { addsToStore, type ClubQuotas } from './quota';
import type { Room } from './room/room';
import type { RoomLifecycle } from './room-lifecycle';
import type { ClubRegistry, DocStore } from './store/doc-store';
import { isRetiredGeneration } from './store/generations';

/** What the transport knows about a new socket: the path's document name and the URL parameters. */
export interface ConnectRequest {
  readonly documentName: string;
  readonly key: string | undefined;
  readonly version: string | undefined;
  /**
   * The client understands the relay's own messages (it offered SYNC_SUBPROTOCOL). Stock y-websocket clients
   * do not: they log every unknown frame as an error, so they get the standard protocol only.
   */
  readonly relayMessages: boolean;
}

export interface AdmissionContext {
  readonly accepting: () => boolean;
  readonly limits: RelayLimits;
  readonly connections: ClubConnections;
  readonly rooms: RoomLifecycle;
  readonly clubs: ClubRegistry;
  readonly docs: DocStore;
  readonly quotas: ClubQuotas | undefined;
  readonly logger: Logger;
  readonly messages: MessageHandlerContext;
  /** Milliseconds since the epoch, for a tablet's "last seen". */
  readonly wallClock: () => number;
}

/** y-protocols' auth message, the standard protocol's way to say a connection may not do something. */
function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/**
 * Decides whether a new connection may open its document, then opens it in its room. Frames are queued
 * until then (see connection.ts); refusals send no content.
 */
export async function admit(
  connection: Connection,
  request: ConnectRequest,
  context: AdmissionContext,
): Promise<void> {
  if (!context.accepting()) return connection.fail('shuttingDown', true);
  // This connection is counted already: the cap counts it.
  if (context.connections.size > context.limits.maxConnections)
    return connection.fail('tooManyConnections', true);
  const parsed = parseDocumentName(request.documentName);
  if (!parsed.ok) return connection.fail('invalidDocumentName', true);
  if (request.version !== String(PROTOCOL_VERSION))
    return connection.fail('unsupportedProtocolVersion', true);
  const { clubId, name } = parsed.value;
  let decision: AccessDecision;
  try {
    let rotationsBefore: number;
    do {
      rotationsBefore = context.connections.rotationsOf(clubId);
      decision = await authorize(context.clubs, parsed.value, request.key);
    } while (rotationsBefore !== context.connections.rotationsOf(clubId));
  } catch (error) {
    context.logger.error({ err: error }, 'access check failed');
    return connection.fail('storageError', true);
  }
  if (connection.isClosed) return;
  if (decision.type === 'refused') return connection.fail(decision.reason, true);
  const { quotas } = context;
  if (quotas !== undefined && decision.role === 'editor') {
    let refusal: Awaited<ReturnType<ClubQuotas['admit']>>;
    try {
      refusal = await quotas.admit(name);
    } catch (error) {
      context.logger.error({ err: error }, 'quota check failed');
      return connection.fail('storageError', true);
    }
    if (connection.isClosed) return;
    if (refusal !== undefined) return connection.fail(refusal, true);
  }
  // An old generation of rewritten minutes is never opened again, whichever process retired it: the store
  // says so. A retirement after this check closes the connection (ClubConnections.closeDocuments).
  try {
    if (await isRetiredGeneration(context.docs, name)) return connection.fail('storageError', true);
  } catch (error) {
    context.logger.error({ err: error }, 'generation check failed');
    return connection.fail('storageError', true);
  }
  if (connection.isClosed) return;
  connection.role = decision.role;
  connection.keyHash = decision.keyHash;
  if (decision.tabletId !== undefined) seeTablet(connection, clubId, decision.tabletId, context);

  const room = context.rooms.roomFor(name);
  if (room === undefined) return connection.fail('serverBusy', true);
  const handler = joinRoom(room, connection, clubId, context);
  if (!(await room.loaded)) return connection.fail('storageError');
  if (connection.isClosed) return;
  context.logger.debug(
    { connection: connection.id, document: room.name, role: decision.role },
    'connection admitted',
  );
  connection.open(handler, () => {
    room.greet(connection);
    if (decision.role !== 'viewer') return;
    // A stock client is told in the standard protocol's words (y-websocket logs it as a warning).
    connection.send(
      connection.relayMessages
        ? encodeNoticeMessage({ type: 'readOnlyAccess' })
        : encodePermissionDenied('read-only key: updates are not stored'),
    );
  });
}

/**
 * Puts an admitted connection in its room; returns its frame handler. The handler and the close listener
 * are made here, not in admit(), so that each idle connection keeps only them and these few values alive
 * rather than admit()'s whole scope (its access decision and parsed name): memory per idle connection.
 */
function joinRoom(
  room: Room,
  connection: Connection,
  clubId: string,
  { rooms, quotas, messages }: AdmissionContext,
): (data: Uint8Array) => void {
  room.connections.add(connection);
  connection.onClose(() => rooms.leave(room, connection));
  return (data) => {
    // A club at its byte quota may still read and resend what the relay holds; a write that adds is refused.
    if (quotas?.isFull(clubId) && addsToStore(data, (decoded) => room.holds(decoded)))
      connection.fail('storageQuotaExceeded');
    else handleMessage(room, connection, data, messages);
  };
}

/** "Last seen" of a tablet: when a connection of it opens and when it closes (the registry's tabletSeen). */
function seeTablet(
  connection: Connection,
  clubId: string,
  tabletId: string,
  context: AdmissionContext,
): void {
  const record = () =>
    context.clubs
      .tabletSeen(clubId, tabletId, context.wallClock())
      .catch((error: unknown) => context.logger.error({ err: error }, 'recording a tablet seen failed'));
  void record();
  connection.onClose(() => void record());
}
