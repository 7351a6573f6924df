import type { viTablets } from './vi-tablets';

export const enTablets: typeof viTablets = {
  title: "The club's tablets",
  hint: 'Each tablet that joins the club has its own key. If a tablet is lost, cut it off: the other tablets keep syncing.',
  loading: 'Fetching the list of tablets…',
  empty: 'No tablet has registered its own key yet.',
  loadFailed: 'Could not fetch the list of tablets. Try again when online.',
  thisTablet: 'This tablet',
  unknownPerson: 'No person chosen',
  lastSeen: 'Last synced: {{ when }}',
  neverSeen: 'Never synced',
  revoked: 'Cut off at {{ when }}',
  revoke: 'Cut off this tablet',
  confirmRevoke:
    "Cut off {{ person }}'s tablet? It will no longer sync, and the club's invite code changes too, so it cannot join again. The other tablets sync and send photos as before; to invite someone from another tablet, that tablet scans the new invite on this one.",
  confirmRevokeYes: 'Cut off',
  revokeDone: "{{ person }}'s tablet is cut off and the invite code changed. The new invite is on this page.",
  revokeNotRotated:
    "{{ person }}'s tablet is cut off, but the invite code could not be changed yet. When online, press 'Change the keys (a tablet was lost)'.",
  revokeFailed: 'Could not cut off the tablet. Try again when online.',
  cutOff:
    'The committee cut this tablet off from the club, so it no longer syncs. The data on it is still here. If this is a mistake, ask for a new invite.',
  registering: 'Registering a key of its own for this tablet…',
  registerFailed:
    'Could not register a key of its own for this tablet yet; it keeps using the invite and will retry.',
  keyChanged:
    'Warning: the signing key of tablet "{{ tablet }}" ({{ person }}) differs from the one this tablet first saw. Signatures with the new key are not accepted. Tell the committee.',
};
