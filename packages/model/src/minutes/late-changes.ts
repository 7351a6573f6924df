import * as Y from 'yjs';
import { err, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { readTextValue, writeTextValue } from '../text/shared-text';
import type { NotApprovedError } from './approval';
import {
  AGENDA_BODY_KEY,
  type AgendaItemId,
  actionsMap,
  agendaItemsMap,
  agendaOrder,
  attendanceMap,
  getAgendaBody,
  getMinutesRecord,
  headerMap,
  isMinutesReadOnly,
  type MinutesError,
  moneyMap,
  runMinutesCommand,
  setIfChanged,
  type YRecord,
} from './minutes-layout';
import type { MinutesContent, MinutesHeader } from './minutes-types';
import { readMinutesContent, readSeal } from './read-minutes';
import { docAtSnapshot } from './versions';

/**
 * Edits made on a tablet that never saw the approval still merge into the live doc (a CRDT cannot
 * refuse them). The approved state is the sealed snapshot: it is what prints, and these functions show
 * the live doc's differences from it, or write the approved content back over them.
 */

export type MinutesSection = 'header' | 'attendance' | 'agenda' | 'actions' | 'money';

export interface MinutesChange {
  readonly section: MinutesSection;
  /** The header field, member id, agenda item id, action id or money entry id. */
  readonly key: string;
  readonly change: 'added' | 'deleted' | 'changed';
  /** For 'changed' records: the fields that differ ('position' when an agenda item moved). */
  readonly fields: readonly string[];
  readonly approved: unknown;
  readonly current: unknown;
}

function approvedDoc(doc: Y.Doc): Y.Doc | null {
  const seal = readSeal(doc);
  return seal === null ? null : docAtSnapshot(doc, seal.snapshot);
}

/** The approved content exactly as sealed (what prints), or null when the minutes are not approved. */
export function getApprovedView(doc: Y.Doc): MinutesContent | null {
  const approved = approvedDoc(doc);
  return approved === null ? null : readMinutesContent(approved);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffRecords<T extends { readonly id: string }>(
  section: MinutesSection,
  approved: readonly T[],
  current: readonly T[],
): MinutesChange[] {
  const before = new Map(approved.map((r) => [r.id, r]));
  const after = new Map(current.map((r) => [r.id, r]));
  const out: MinutesChange[] = [];
  for (const [key, a] of before) {
    const c = after.get(key);
    if (c === undefined)
      out.push({ section, key, change: 'deleted', fields: [], approved: a, current: null });
    else {
      const fields = Object.keys(a).filter((f) => !same(a[f as keyof T], c[f as keyof T]));
      if (fields.length > 0) out.push({ section, key, change: 'changed', fields, approved: a, current: c });
    }
  }
  for (const [key, c] of after) {
    if (!before.has(key)) out.push({ section, key, change: 'added', fields: [], approved: null, current: c });
  }
  return out;
}

/** Items kept in both versions whose place among the other kept items changed. */
function movedItems(approved: readonly string[], current: readonly string[]): Set<string> {
  const common = new Set(approved.filter((id) => current.includes(id)));
  const a = approved.filter((id) => common.has(id));
  const c = current.filter((id) => common.has(id));
  return new Set(a.filter((id, i) => c[i] !== id));
}

/** Everything that differs between the approved content and the live doc; empty when not approved. */
export function listChangesAfterApproval(doc: Y.Doc): MinutesChange[] {
  const approved = getApprovedView(doc);
  if (approved === null) return [];
  const current = readMinutesContent(doc);
  const out: MinutesChange[] = [];
  for (const field of Object.keys(approved.header) as (keyof MinutesHeader)[]) {
    const a = approved.header[field];
    const c = current.header[field];
    if (!same(a, c))
      out.push({
        section: 'header',
        key: field,
        change: 'changed',
        fields: [field],
        approved: a,
        current: c,
      });
  }
  const members = new Set([...Object.keys(approved.attendance), ...Object.keys(current.attendance)]);
  for (const key of [...members].sort()) {
    const a = approved.attendance[key] ?? null;
    const c = current.attendance[key] ?? null;
    if (a === c) continue;
    const change = a === null ? 'added' : c === null ? 'deleted' : 'changed';
    out.push({ section: 'attendance', key, change, fields: [], approved: a, current: c });
  }
  const agenda = diffRecords('agenda', approved.agenda, current.agenda);
  const moved = movedItems(
    approved.agenda.map((i) => i.id),
    current.agenda.map((i) => i.id),
  );
  for (const id of moved) {
    const existing = agenda.findIndex((c) => c.key === id);
    const a = approved.agenda.find((i) => i.id === id);
    const c = current.agenda.find((i) => i.id === id);
    const prior = agenda[existing];
    if (prior !== undefined) agenda[existing] = { ...prior, fields: [...prior.fields, 'position'] };
    else
      agenda.push({
        section: 'agenda',
        key: id,
        change: 'changed',
        fields: ['position'],
        approved: a,
        current: c,
      });
  }
  out.push(...agenda);
  out.push(...diffRecords('actions', approved.actions, current.actions));
  out.push(...diffRecords('money', approved.money, current.money));
  return out;
}

function copyRecord(
  from: YRecord | undefined,
  to: Y.Map<YRecord>,
  id: string,
  keep: YRecord | undefined,
): void {
  if (from === undefined) {
    if (keep !== undefined) to.delete(id);
    return;
  }
  const target = keep ?? new Y.Map<unknown>();
  for (const [key, value] of from.entries()) copyValue(target, key, value, id);
  if (keep === undefined) to.set(id, target);
}

/**
 * Writes the approved content back over the live doc in one transaction, so the late edits no longer
 * show. Nothing is lost: save a version first (captureVersion) to keep the set-aside edits openable;
 * late-added agenda items leave the order but keep their record and text.
 */
export function setAsideLateChanges(
  doc: Y.Doc,
  origin: LocalOrigin,
): Result<number, MinutesError | NotApprovedError> {
  if (isMinutesReadOnly(doc)) return err({ type: 'readOnly' });
  const approved = approvedDoc(doc);
  if (approved === null) return err({ type: 'notApproved' });
  const changes = listChangesAfterApproval(doc).length;
  return runMinutesCommand(
    doc,
    origin,
    () => {
      const header = headerMap(doc);
      const approvedHeader = headerMap(approved);
      for (const key of new Set([...header.keys(), ...approvedHeader.keys()])) {
        if (!approvedHeader.has(key)) header.delete(key);
        else {
          const value = approvedHeader.get(key);
          if (value instanceof Y.Text || header.get(key) instanceof Y.Text)
            copyValue(header, key, value, 'minutes');
          else setIfChanged(header, key, value);
        }
      }
      const attendance = attendanceMap(doc);
      const approvedAttendance = attendanceMap(approved);
      for (const key of new Set([...attendance.keys(), ...approvedAttendance.keys()])) {
        if (!approvedAttendance.has(key)) attendance.delete(key);
        else setIfChanged(attendance, key, approvedAttendance.get(key));
      }
      const order = agendaOrder(doc);
      const approvedOrder = agendaOrder(approved).toArray();
      if (!same(order.toArray(), approvedOrder)) {
        order.delete(0, order.length);
        order.insert(0, approvedOrder);
      }
      for (const [id, from] of agendaItemsMap(approved).entries()) {
        const live = getMinutesRecord(agendaItemsMap(doc), id);
        copyRecord(from, agendaItemsMap(doc), id, live);
        restoreBody(from.get(AGENDA_BODY_KEY), getAgendaBody(doc, id as AgendaItemId));
      }
      for (const section of [actionsMap, moneyMap]) {
        const liveParent = section(doc);
        const approvedParent = section(approved);
        for (const id of new Set([...liveParent.keys(), ...approvedParent.keys()])) {
          copyRecord(getMinutesRecord(approvedParent, id), liveParent, id, getMinutesRecord(liveParent, id));
        }
      }
      return ok(changes);
    },
    { allowWhenApproved: true },
  );
}

/**
 * Writes one approved value back. Text fields (a Y.Text, or a string from before they were Y.Text) are
 * written as the smallest edit into the live Y.Text: a type from the approved scratch doc cannot be moved
 * into the live doc, and replacing the live Y.Text would drop what a writer types into it meanwhile.
 */
function copyValue(target: Y.Map<unknown>, key: string, value: unknown, scope: string): void {
  if (value instanceof Y.Text || (typeof value === 'string' && target.get(key) instanceof Y.Text)) {
    const text = readTextValue(value) ?? '';
    if (readTextValue(target.get(key)) !== text) writeTextValue(target, key, scope, text);
    return;
  }
  if (!(value instanceof Y.AbstractType) && JSON.stringify(target.get(key)) !== JSON.stringify(value))
    target.set(key, value);
}

/** Replaces the live body's children with copies of the approved ones when they differ. */
function restoreBody(approved: unknown, live: Y.XmlFragment | null): void {
  if (!(approved instanceof Y.XmlFragment) || live === null) return;
  if (approved.toString() === live.toString()) return;
  live.delete(0, live.length);
  live.insert(
    0,
    approved.toArray().map((child) => child.clone() as Y.XmlElement | Y.XmlText),
  );
}
