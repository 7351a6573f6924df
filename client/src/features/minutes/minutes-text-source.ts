import type { MinutesTextField } from '@chungtay/model';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import type { I18n } from '../../i18n/i18n-context';
import type { CollabTextSource } from '../../ui/collab-text/collab-text';
import { firstError, minutesFeedback } from './minutes-feedback';

/**
 * One of the minutes' text fields as a collaborative text box's source: each keystroke is a command
 * (refused on approved minutes, with the same message as every other edit), and the IME hold is the
 * session's, as for the agenda bodies.
 */
export function minutesTextSource(
  i18n: I18n,
  session: MinutesSession,
  target: MinutesTextField,
): CollabTextSource {
  const handle = session.commands.textField(target);
  return {
    key: JSON.stringify(target),
    value: () => handle.value(),
    applyDelta: (index, deleteCount, insert) =>
      firstError(i18n, minutesFeedback(i18n, handle.applyDelta(index, deleteCount, insert))),
    subscribe: (listener) => handle.subscribe(listener),
    holdRemote: () => session.holdRemote(),
  };
}
