import * as Y from 'yjs';
import { err, type IsoDate, isIsoDate, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, type NotFoundError, notFound, type ValidationError } from '../schema/command';
import { checkOptionalText, checkRequiredText, MAX_NOTES, MAX_TEXT } from '../schema/field-checks';
import { writeTextValue } from '../text/shared-text';
import { checkMemberIds } from './minutes-commands';
import {
  type ActionItemId,
  actionsMap,
  getMinutesRecord,
  type MinutesError,
  type MoneyEntryId,
  moneyMap,
  newActionItemId,
  newMoneyEntryId,
  runMinutesCommand,
  setIfChanged,
  type YRecord,
} from './minutes-layout';
import { MONEY_KINDS, type MoneyKind } from './minutes-types';

/**
 * Action items and money entries: one Y.Map per record, one key per field, so two people editing
 * different fields of one action at once both keep their edit. `order` is the count at creation;
 * concurrent additions tie and sort by id, the same on every peer.
 */

export interface ActionItemInput {
  what: string;
  responsibleId: MemberId | null;
  due: IsoDate | null;
}

export interface MoneyEntryInput {
  kind: MoneyKind;
  memberId: MemberId | null;
  /** Whole đồng, >= 0. */
  amount: number;
  note: string;
}

function checkAction(input: Partial<ActionItemInput>, full: boolean): ValidationError | NotFoundError | null {
  const errors = new FieldErrors();
  if (full || input.what !== undefined) errors.add('what', checkRequiredText(input.what, MAX_NOTES));
  if (input.due !== undefined && input.due !== null && !isIsoDate(input.due)) errors.add('due', 'dateFormat');
  return errors.done() ?? checkMemberIds([input.responsibleId]);
}

function checkMoney(input: Partial<MoneyEntryInput>): ValidationError | NotFoundError | null {
  const errors = new FieldErrors();
  if (input.kind !== undefined && !MONEY_KINDS.includes(input.kind)) errors.add('kind', 'required');
  if (input.amount !== undefined && !(Number.isSafeInteger(input.amount) && input.amount >= 0)) {
    errors.add('amount', 'numberRange');
  }
  errors.add('note', checkOptionalText(input.note, MAX_TEXT));
  return errors.done() ?? checkMemberIds([input.memberId]);
}

/** The action item fields held as Y.Text. Money notes stay plain: another issue reworks money. */
const ACTION_SHARED_TEXT: readonly string[] = ['what'];

export function actionTextScope(id: string): string {
  return `actions/${id}`;
}

function insertRecord(parent: Y.Map<YRecord>, id: string, fields: Record<string, unknown>): void {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) record.set(key, value);
  record.set('order', parent.size);
  parent.set(id, record);
}

function patchRecord(
  parent: Y.Map<YRecord>,
  id: string,
  patch: Record<string, unknown>,
): Result<void, NotFoundError> {
  const record = getMinutesRecord(parent, id);
  if (record === undefined) return notFound(id);
  for (const [key, value] of Object.entries(patch)) {
    // Shared text is written as the smallest edit, merging with a concurrent writer's typing.
    if (ACTION_SHARED_TEXT.includes(key) && typeof value === 'string' && parent.doc !== null)
      writeTextValue(record, key, actionTextScope(id), value.trim());
    else setIfChanged(record, key, typeof value === 'string' ? value.trim() : value);
  }
  return ok(undefined);
}

export function addActionItem(
  doc: Y.Doc,
  input: ActionItemInput,
  origin: LocalOrigin,
): Result<ActionItemId, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const problem = checkAction(input, true);
    if (problem !== null) return err(problem);
    const id = newActionItemId();
    const { what, responsibleId, due } = input;
    // The text is a Y.Text created with the record, so two writers' characters merge.
    insertRecord(actionsMap(doc), id, { what: new Y.Text(what.trim()), responsibleId, due, done: false });
    return ok(id);
  });
}

export function updateActionItem(
  doc: Y.Doc,
  id: ActionItemId,
  patch: Partial<ActionItemInput>,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const problem = checkAction(patch, false);
    if (problem !== null) return err(problem);
    const { what, responsibleId, due } = patch;
    return patchRecord(actionsMap(doc), id, { what, responsibleId, due });
  });
}

export function setActionDone(
  doc: Y.Doc,
  id: ActionItemId,
  done: boolean,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => patchRecord(actionsMap(doc), id, { done }));
}

export function addMoneyEntry(
  doc: Y.Doc,
  input: MoneyEntryInput,
  origin: LocalOrigin,
): Result<MoneyEntryId, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const problem = checkMoney(input);
    if (problem !== null) return err(problem);
    const id = newMoneyEntryId();
    const { kind, memberId, amount, note } = input;
    insertRecord(moneyMap(doc), id, { kind, memberId, amount, note: note.trim() });
    return ok(id);
  });
}

export function updateMoneyEntry(
  doc: Y.Doc,
  id: MoneyEntryId,
  patch: Partial<MoneyEntryInput>,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const problem = checkMoney(patch);
    if (problem !== null) return err(problem);
    const { kind, memberId, amount, note } = patch;
    return patchRecord(moneyMap(doc), id, { kind, memberId, amount, note });
  });
}

/** A money line entered by mistake is deleted: it is a draft line of the minutes, not a ledger entry. */
export function removeMoneyEntry(
  doc: Y.Doc,
  id: MoneyEntryId,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    if (getMinutesRecord(moneyMap(doc), id) === undefined) return notFound(id);
    moneyMap(doc).delete(id);
    return ok(undefined);
  });
}
