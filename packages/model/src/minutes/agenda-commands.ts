import * as Y from 'yjs';
import { err, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, notFound, type ValidationError } from '../schema/command';
import { checkOptionalText, checkRequiredText, MAX_NOTES, MAX_TEXT } from '../schema/field-checks';
import { writeTextValue } from '../text/shared-text';
import {
  AGENDA_BODY_KEY,
  type AgendaItemId,
  agendaItemsMap,
  agendaOrder,
  getMinutesRecord,
  type MinutesError,
  newAgendaItemId,
  runMinutesCommand,
  setIfChanged,
} from './minutes-layout';
import { projectAgendaOrder } from './read-minutes';

export interface AgendaItemInput {
  title: string;
  decisions?: string;
}

function checkItem(input: Partial<AgendaItemInput>, requireTitle: boolean): ValidationError | null {
  const errors = new FieldErrors();
  if (requireTitle || input.title !== undefined)
    errors.add('title', checkRequiredText(input.title, MAX_TEXT));
  errors.add('decisions', checkOptionalText(input.decisions, MAX_NOTES));
  return errors.done();
}

/** The text fields an agenda item holds as Y.Text, with their length limits. */
export const AGENDA_TEXT_FIELDS = { title: MAX_TEXT, decisions: MAX_NOTES } as const;
export type AgendaTextField = keyof typeof AGENDA_TEXT_FIELDS;

/** Names an agenda item's fields for their deterministic conversion to Y.Text (text/shared-text.ts). */
export function agendaTextScope(itemId: string): string {
  return `agendaItems/${itemId}`;
}

/**
 * Adds an item at `index` of the visible order (default: the end). Its body fragment is created in the
 * same transaction, so no two peers can each create "the" body of one item.
 */
export function addAgendaItem(
  doc: Y.Doc,
  input: AgendaItemInput & { index?: number },
  origin: LocalOrigin,
): Result<AgendaItemId, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const error = checkItem(input, true);
    if (error !== null) return err(error);
    const id = newAgendaItemId();
    const record = new Y.Map<unknown>();
    // Title and decisions are Y.Text created with the item, so two writers' characters merge.
    record.set('title', new Y.Text(input.title.trim()));
    record.set('decisions', new Y.Text((input.decisions ?? '').trim()));
    record.set('removed', false);
    record.set('createdBy', origin.author.id);
    record.set(AGENDA_BODY_KEY, new Y.XmlFragment());
    agendaItemsMap(doc).set(id, record);
    insertAt(doc, id, input.index ?? Number.POSITIVE_INFINITY);
    return ok(id);
  });
}

export function updateAgendaItem(
  doc: Y.Doc,
  itemId: AgendaItemId,
  patch: Partial<AgendaItemInput>,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const error = checkItem(patch, false);
    if (error !== null) return err(error);
    const record = getMinutesRecord(agendaItemsMap(doc), itemId);
    if (record === undefined) return notFound(itemId);
    // A whole new value is written as the smallest edit, so it merges with a concurrent writer's typing.
    const scope = agendaTextScope(itemId);
    if (patch.title !== undefined) writeTextValue(record, 'title', scope, patch.title.trim());
    if (patch.decisions !== undefined) writeTextValue(record, 'decisions', scope, patch.decisions.trim());
    return ok(undefined);
  });
}

/**
 * Moves an item to `toIndex` of the visible order: delete + insert of its id in one transaction.
 * Two concurrent moves of the same item leave two copies of the id; the projection keeps the first,
 * and the next move of that item deletes every copy.
 */
export function moveAgendaItem(
  doc: Y.Doc,
  input: { itemId: AgendaItemId; toIndex: number },
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    if (!projectAgendaOrder(doc).includes(input.itemId)) return notFound(input.itemId);
    if (!Number.isInteger(input.toIndex) || input.toIndex < 0) {
      return err({ type: 'invalid', fields: { toIndex: 'numberRange' } });
    }
    const order = agendaOrder(doc);
    const raw = order.toArray();
    for (let i = raw.length - 1; i >= 0; i--) if (raw[i] === input.itemId) order.delete(i, 1);
    insertAt(doc, input.itemId, input.toIndex);
    return ok(undefined);
  });
}

/** Inserts `id` so it shows at `index` of the visible order: just before the item now shown there. */
function insertAt(doc: Y.Doc, id: AgendaItemId, index: number): void {
  const order = agendaOrder(doc);
  const successor = projectAgendaOrder(doc).filter((other) => other !== id)[index];
  const raw = order.toArray();
  const at = successor === undefined ? raw.length : raw.indexOf(successor);
  order.insert(at, [id]);
}

/** Soft removal: the item and its text stay in the doc (and in the order), flagged `removed`. */
export function removeAgendaItem(
  doc: Y.Doc,
  itemId: AgendaItemId,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return setRemoved(doc, itemId, true, origin);
}

export function restoreAgendaItem(
  doc: Y.Doc,
  itemId: AgendaItemId,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return setRemoved(doc, itemId, false, origin);
}

function setRemoved(
  doc: Y.Doc,
  itemId: AgendaItemId,
  removed: boolean,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const record = getMinutesRecord(agendaItemsMap(doc), itemId);
    if (record === undefined) return notFound(itemId);
    setIfChanged(record, 'removed', removed);
    return ok(undefined);
  });
}
