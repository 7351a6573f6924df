import type { viInvite } from './vi-invite';

// English for vi-invite.ts, wired into en.ts as `invite`.
export const enInvite: typeof viInvite = {
  heldTitle: 'Warning: this link changes how {{ name }}, a club already on this tablet, syncs',
  relayChange: 'The sync server would change from {{ from }} to {{ to }}.',
  keyChange: 'The club key held on this tablet would be replaced by the key in the link.',
  recordsTo:
    'If you agree, all of the club’s records on this tablet (members, minutes, health, money, care) will be sent to the server {{ to }}.',
  onlyIf:
    'Only agree if the club’s chair told you about this change. If unsure, choose “Keep as it is” and ask.',
  agree: 'Agree to change',
  decline: 'Keep as it is',
};
