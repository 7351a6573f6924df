import type { ClubTextField } from '@chungtay/model';
import type { ClubSession } from '../../data/club/club-session';
import type { I18n } from '../../i18n/i18n-context';
import type { CollabTextSource } from '../../ui/collab-text/collab-text';
import { feedback } from '../shared/command-feedback';
import { fieldMessage } from '../shared/field-errors';

/** A club text field (a member's notes) as a collaborative text box's source; a refusal becomes its message. */
export function clubTextSource(i18n: I18n, session: ClubSession, target: ClubTextField): CollabTextSource {
  const handle = session.commands.textField(target);
  const field = target.kind === 'memberNotes' ? 'notes' : 'place';
  return {
    key: JSON.stringify(target),
    value: () => handle.value(),
    applyDelta: (index, deleteCount, insert) => {
      const errors = feedback(i18n, handle.applyDelta(index, deleteCount, insert));
      return errors === null ? undefined : (fieldMessage(i18n, errors, field) ?? i18n.t('errors.notFound'));
    },
    subscribe: (listener) => handle.subscribe(listener),
  };
}
