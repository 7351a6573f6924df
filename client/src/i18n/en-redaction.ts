import type { viRedaction } from './vi-redaction';

export const enRedaction: typeof viRedaction = {
  title: 'Remove a name from the minutes',
  hint: 'When a member asks for their personal data to be erased, their name may still be in the minutes. Type the name to see where it appears, then replace it with "[đã xóa]". The minutes are rewritten and their old history is deleted on this tablet and on the server.',
  nameLabel: 'Name to remove',
  find: 'Find in the minutes',
  found: 'The name appears in {{ count }} places:',
  notFound: 'This name is not in the minutes.',
  notFoundHistory:
    'The name may still be in the edit history. Rewrite the minutes to delete their old history (the current text stays as it is).',
  rewriteOnly: 'Rewrite the minutes without their old history',
  redact: 'Replace {{ count }} places with [đã xóa] and rewrite the minutes',
  confirm: 'This cannot be undone. Approved minutes stay as approved except for these words.',
  confirmYes: 'Yes, remove the name',
  cancel: 'Cancel',
  working: 'Rewriting the minutes…',
  done: 'Replaced {{ count }} places with [đã xóa]. The minutes were rewritten without their old history.',
  needPerson: 'First choose who is using this tablet, in the approval section.',
  needSync: 'Connect to the server and finish syncing before rewriting the minutes.',
  errors: {
    clubClosed: 'Open the club again, then try again.',
    readOnly: 'These minutes were written by a newer version; this tablet cannot change them.',
    relayUnreachable:
      'The server has not received the new minutes, so nothing changed. Check the network and try again.',
  },
  place: {
    header: 'The minutes header',
    agendaTitle: 'Title of item "{{ item }}"',
    agendaDecisions: 'Decisions of item "{{ item }}"',
    agendaBody: 'Text of item "{{ item }}"',
    action: 'Action item',
    money: 'Money note',
  },
  note: 'A name was removed from these minutes at a request to erase personal data: {{ count }} places now read [đã xóa] ({{ name }}, {{ date }}).',
  noteApproved:
    'The approved text is kept as approved except for the words [đã xóa]: {{ count }} places where a name was removed at a request to erase personal data ({{ name }}, {{ date }}).',
  signatureValid: 'The signature of the person who removed the name holds.',
  signatureInvalid: 'Invalid signature: the minutes were changed after the name was removed.',
  keptTitle: 'Unsent notes from the old minutes',
  keptHint:
    'This tablet has notes written offline before the minutes were rewritten. They are not in the new minutes. Read them, copy what should stay into the minutes (not the removed name), then discard the old copy.',
  keptDiscard: 'Done copying, discard the old copy',
  keptDiscarded: 'The old copy of the minutes was discarded on this tablet.',
};
