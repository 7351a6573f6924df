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
  confirmRevoke: "Cut off {{ person }}'s tablet? It will no longer sync. The other tablets are not affected.",
  confirmRevokeYes: 'Cut off',
  revokeDone: "{{ person }}'s tablet is cut off.",
  revokeFailed: 'Could not cut off the tablet. Try again when online.',
  cutOff:
    'The committee cut this tablet off from the club, so it no longer syncs. The data on it is still here. If this is a mistake, ask for a new invite.',
  registering: 'Registering a key of its own for this tablet…',
  registerFailed:
    'Could not register a key of its own for this tablet yet; it keeps using the invite and will retry.',
  keyChanged:
    'Warning: the signing key of tablet "{{ tablet }}" ({{ person }}) differs from the one this tablet first saw. Signatures with the new key are not accepted. Tell the committee.',
};
