import type * as Y from 'yjs';
import type { LocalOrigin } from '../origin/origin';
import { MAX_NOTES, MAX_TEXT } from '../schema/field-checks';
import { openTextField, type TextFieldHandle, type TextFieldTarget } from '../text/text-field';
import { actionTextScope } from './action-commands';
import { AGENDA_TEXT_FIELDS, type AgendaTextField, agendaTextScope } from './agenda-commands';
import { HEADER_TEXT_SCOPE } from './minutes-commands';
import {
  type ActionItemId,
  type AgendaItemId,
  actionsMap,
  agendaItemsMap,
  getMinutesRecord,
  headerMap,
  type MinutesError,
  runMinutesCommand,
} from './minutes-layout';

/** The minutes' free-text fields a text box can be bound to, one character at a time. */
export type MinutesTextField =
  | { readonly kind: 'agenda'; readonly itemId: AgendaItemId; readonly field: AgendaTextField }
  | { readonly kind: 'action'; readonly actionId: ActionItemId }
  | { readonly kind: 'header'; readonly field: 'place' };

/**
 * A handle on one of the minutes' text fields for a collaborative text box. Its edits are commands: the
 * approval lock and the read-only rule refuse them, and they carry this session's origin (so undo takes
 * them back, and the box is not told of its own typing).
 */
export function openMinutesTextField(
  doc: Y.Doc,
  target: MinutesTextField,
  origin: LocalOrigin,
): TextFieldHandle<MinutesError> {
  return openTextField<MinutesError>({
    doc,
    locate: () => locate(doc, target),
    maxLength: maxLength(target),
    field: target.kind === 'action' ? 'what' : target.field,
    run: (body) => runMinutesCommand(doc, origin, body),
    origin,
  });
}

function locate(doc: Y.Doc, target: MinutesTextField): TextFieldTarget | undefined {
  switch (target.kind) {
    case 'agenda': {
      const record = getMinutesRecord(agendaItemsMap(doc), target.itemId);
      return record && { record, key: target.field, scope: agendaTextScope(target.itemId) };
    }
    case 'action': {
      const record = getMinutesRecord(actionsMap(doc), target.actionId);
      return record && { record, key: 'what', scope: actionTextScope(target.actionId) };
    }
    case 'header':
      return { record: headerMap(doc), key: target.field, scope: HEADER_TEXT_SCOPE };
  }
}

function maxLength(target: MinutesTextField): number {
  if (target.kind === 'agenda') return AGENDA_TEXT_FIELDS[target.field];
  return target.kind === 'action' ? MAX_NOTES : MAX_TEXT;
}
