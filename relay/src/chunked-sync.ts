import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

interface Section {
  readonly client: number;
  readonly clock: number;
  readonly count: number;
  readonly body: Uint8Array;
}

function syncFrame(syncType: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
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

/**
 * The answer to a sync step 1, as frames of at most about `maxChunkBytes` each.
 *
 * Why: y-websocket clients drop a connection after 30 s without a complete message, so one 5 MB sync step 2
 * over a 1 Mbit/s village link (40 s) would never finish. Larger diffs go out as several sync *update*
 * frames holding the structs a client lacks, in clock order, then a final sync step 2 with the delete set
 * (and any pending structs), so the client's `synced` flips only once everything arrived. Structs are written
 * exactly as Yjs's own encoder writes them; a single struct larger than the budget travels alone.
 */
export function encodeSyncStep2Frames(
  doc: Y.Doc,
  remoteStateVector: Uint8Array,
  maxChunkBytes: number,
): Uint8Array[] {
  const whole = Y.encodeStateAsUpdate(doc, remoteStateVector);
  if (whole.length <= maxChunkBytes) return [syncFrame(SYNC_STEP_2, whole)];

  const remote = Y.decodeStateVector(remoteStateVector);
  const frames: Uint8Array[] = [];
  let sections: Section[] = [];
  let size = 0;
  const flush = () => {
    if (sections.length > 0) frames.push(syncFrame(SYNC_UPDATE, encodeSections(sections)));
    sections = [];
    size = 0;
  };
  for (const [client, structs] of doc.store.clients) {
    const from = remote.get(client) ?? 0;
    const last = structs[structs.length - 1];
    if (last === undefined || last.id.clock + last.length <= from) continue;
    let index = Y.findIndexSS(structs, from);
    let offset = from - (structs[index]?.id.clock ?? from);
    let clock = from;
    let writer = new Y.UpdateEncoderV1();
    let count = 0;
    for (; index < structs.length; index++) {
      const struct = structs[index];
      if (struct === undefined) break;
      struct.write(writer, offset);
      offset = 0;
      count += 1;
      const bytes = encoding.length(writer.restEncoder);
      if (size + bytes >= maxChunkBytes) {
        sections.push({ client, clock, count, body: encoding.toUint8Array(writer.restEncoder) });
        flush();
        writer = new Y.UpdateEncoderV1();
        count = 0;
        clock = struct.id.clock + struct.length;
      }
    }
    if (count > 0) {
      const body = encoding.toUint8Array(writer.restEncoder);
      sections.push({ client, clock, count, body });
      size += body.length;
    }
  }
  flush();
  // Everything the client lacks is sent; this carries the delete set and completes the sync.
  frames.push(syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))));
  return frames;
}
