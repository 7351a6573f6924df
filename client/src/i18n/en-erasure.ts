import type { viErasure } from './vi-erasure';

export const enErasure: typeof viErasure = {
  removeTitle: 'Remove the club from this tablet',
  removeHint:
    "Deletes the club's books, minutes, health records, fund book and keys from this tablet. The sync server and other tablets keep their copies.",
  removeButton: 'Remove from this tablet',
  removeConfirm: 'Remove {{ name }} from this tablet?',
  removeLost: 'These books have not reached the server yet and will be lost for good:',
  removeNothingLost: 'Every change is on the server: the club can be opened again with an invite.',
  removed: '{{ name }} was removed from this tablet.',
  alsoRelay: "Also delete the sync server's copy: no other tablet will be able to sync this club any more",
  relayFailed:
    'The server has not deleted the club, so nothing was removed from this tablet. Check the network and try again.',
  removeFailed: 'Not removed yet. Close other tabs that have this club open, then try again.',
  scrubFailed:
    'This tablet has not finished clearing the erased data. It will try again next time the club opens.',
  docs: {
    club: 'Club book (members, meetings)',
    health: 'Health records',
    money: 'Fund book',
    care: 'Home-care book',
    minutes: "A meeting's minutes",
    other: 'Another book of the club',
  },
};
