import * as Y from 'yjs';
import {
  type ActionItemId,
  AGENDA_BODY_KEY,
  type AgendaItemId,
  actionsMap,
  agendaItemsMap,
  headerMap,
  type MoneyEntryId,
  moneyMap,
} from '../minutes/minutes-layout';
import type { MinutesPlace } from '../minutes/redaction';
import { isStateCovered, type MinutesGeneration } from './minutes-generation';

/**
 * A tablet that was offline when the minutes were rewritten still holds the old generation, maybe with
 * edits the rewrite never saw. Those edits are neither merged in nor dropped in silence: they are kept
 * aside on that tablet and shown to the committee, who copy what they want into the new minutes.
 *
 * Why not merge them: the old edits are Yjs items placed relative to the old history, which the new
 * generation no longer has; and the words they bring may be the very name that was erased, which no tablet
 * can recognise any more (the redaction records how many words, never which). A person reads them first.
 *
 * Which edits: the items the old copy holds beyond the rewrite's base (`fromState`): text typed or values
 * set there after the rewriting tablet's last sync. What the base already had is in the new generation.
 */

export interface KeptAsideEdit {
  readonly place: MinutesPlace;
  /** The words typed on this tablet and never seen by the rewrite, run by run. */
  readonly text: string;
}

export type OldGenerationState =
  | { readonly type: 'covered' }
  | { readonly type: 'keptAside'; readonly edits: readonly KeptAsideEdit[] };

type Clocks = Map<number, number>;
// biome-ignore lint/suspicious/noExplicitAny: Yjs's types are invariant in their event type; any text type is read.
type AnyType = Y.AbstractType<any>;

const isNew = (item: Y.Item, base: Clocks): boolean => item.id.clock >= (base.get(item.id.client) ?? 0);

/** Text inserted beyond `base` in a text or rich-text type, its runs joined with a space. */
function newText(type: AnyType, base: Clocks): string {
  const runs: string[] = [];
  let run = '';
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentType) {
      const inner = newText(item.content.type as AnyType, base);
      if (run !== '') runs.push(run);
      run = '';
      if (inner !== '') runs.push(inner);
    } else if (item.content instanceof Y.ContentString && isNew(item, base)) {
      run += item.content.str;
    } else if (run !== '') {
      runs.push(run);
      run = '';
    }
  }
  if (run !== '') runs.push(run);
  return runs.join(' … ');
}

/** A map value set beyond `base`: a Y.Text's new runs, or a plain string set anew. */
function newValue(record: Y.Map<unknown>, key: string, base: Clocks): string {
  const item = record._map.get(key);
  if (item === undefined || item.deleted) return '';
  if (item.content instanceof Y.ContentType) return newText(item.content.type as AnyType, base);
  const value: unknown = record.get(key);
  return isNew(item, base) && typeof value === 'string' ? value : '';
}

/** What an old-generation copy holds that its rewrite lacks; 'covered' when it may be deleted at once. */
export function oldGenerationEdits(old: Y.Doc, generation: MinutesGeneration): OldGenerationState {
  if (isStateCovered(Y.encodeStateVector(old), generation.fromState)) return { type: 'covered' };
  const base = Y.decodeStateVector(generation.fromState);
  const edits: KeptAsideEdit[] = [];
  const add = (place: MinutesPlace, text: string) => {
    if (text.trim() !== '') edits.push({ place, text });
  };
  const header = headerMap(old);
  for (const field of header.keys()) add({ kind: 'header', field }, newValue(header, field, base));
  for (const [id, record] of agendaItemsMap(old).entries()) {
    if (!(record instanceof Y.Map)) continue;
    const itemId = id as AgendaItemId;
    add({ kind: 'agenda', itemId, field: 'title' }, newValue(record, 'title', base));
    add({ kind: 'agenda', itemId, field: 'decisions' }, newValue(record, 'decisions', base));
    add({ kind: 'agenda', itemId, field: 'body' }, newValue(record, AGENDA_BODY_KEY, base));
  }
  for (const [id, record] of actionsMap(old).entries()) {
    if (record instanceof Y.Map)
      add({ kind: 'action', actionId: id as ActionItemId }, newValue(record, 'what', base));
  }
  for (const [id, record] of moneyMap(old).entries()) {
    if (record instanceof Y.Map)
      add({ kind: 'money', entryId: id as MoneyEntryId }, newValue(record, 'note', base));
  }
  return { type: 'keptAside', edits };
}
