import { MessageType, SyncMessageType, type SyncMessageTypeValue } from '@chungtay/protocol';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

interface Section {
  readonly client: number;
  readonly clock: number;
  readonly count: number;
  readonly body: Uint8Array;
}

/** A y-websocket sync message: the sync message type, then the sync type, then the payload. */
export function syncFrame(syncType: SyncMessageTypeValue, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A Yjs v1 update made of whole client sections and an empty delete set (the last frame carries that). */
function encodeSections(sections: readonly Section[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, sections.length);
  for (const section of sections) {
    encoding.writeVarUint(encoder, section.count);
    encoding.writeVarUint(encoder, section.client);
    encoding.writeVarUint(encoder, section.clock);
    encoding.writeUint8Array(encoder, section.body);
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

function encodeDeleteSet(ds: ReturnType<typeof Y.createDeleteSet>): Uint8Array {
  // An update with no struct sections, then the delete set as Yjs's v1 encoder writes it.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, ds.clients.size);
  for (const [client, ranges] of ds.clients) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const range of ranges) {
      encoding.writeVarUint(encoder, range.clock);
      encoding.writeVarUint(encoder, range.len);
    }
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The answer to a sync step 1 (`update`: everything the asking peer lacks), as frames of at most about
 * `maxChunkBytes` each. The relay answers new tablets with it, and the app answers the relay with it.
 *
 * Why: y-websocket clients drop a connection after 30 s without a complete message, so one 5 MB sync step 2
 * over a 1 Mbit/s village link (40 s) would never finish. Larger answers go out as several sync *update*
 * frames holding the structs, in clock order per client, then a final sync step 2 with the delete set, so
 * a receiving client's `synced` flips only once everything arrived. Structs are written exactly as Yjs's own encoder
 * writes them; a single struct larger than the budget travels alone.
 */
export function encodeSyncStep2Frames(update: Uint8Array, maxChunkBytes: number): Uint8Array[] {
  if (update.length <= maxChunkBytes) return [syncFrame(SyncMessageType.step2, update)];
  const { structs, ds } = Y.decodeUpdate(update);
  const frames: Uint8Array[] = [];
  let sections: Section[] = [];
  let size = 0;
  const flushFrame = () => {
    if (sections.length > 0) frames.push(syncFrame(SyncMessageType.update, encodeSections(sections)));
    sections = [];
    size = 0;
  };
  let writer = new Y.UpdateEncoderV1();
  let client = -1;
  let clock = 0;
  let count = 0;
  const endSection = () => {
    if (count > 0) {
      const body = encoding.toUint8Array(writer.restEncoder);
      sections.push({ client, clock, count, body });
      size += body.length;
    }
    writer = new Y.UpdateEncoderV1();
    count = 0;
  };
  for (const struct of structs) {
    if (struct.id.client !== client || struct instanceof Y.Skip) {
      // A new client, or a gap in this one's clocks (a Skip): a section must start at its first clock.
      endSection();
      client = struct.id.client;
      if (struct instanceof Y.Skip) {
        clock = struct.id.clock + struct.length;
        continue;
      }
    }
    if (count === 0) clock = struct.id.clock;
    struct.write(writer, 0);
    count += 1;
    if (size + encoding.length(writer.restEncoder) >= maxChunkBytes) {
      endSection();
      flushFrame();
    }
  }
  endSection();
  flushFrame();
  frames.push(syncFrame(SyncMessageType.step2, encodeDeleteSet(ds)));
  return frames;
}
