import type { viSignatures } from './vi-signatures';

export const enSignatures: typeof viSignatures = {
  person: 'Person using this tablet',
  personHint:
    'Who is using this tablet? Only the person named as chair can sign as chair, and likewise the secretary.',
  choosePerson: 'Choose a person…',
  signedBy: '{{ role }}: signed by {{ name }} at {{ at }}',
  valid: 'valid signature',
  invalid: 'invalid signature',
  unsigned: 'signed before digital signatures',
  checking: 'checking the signature…',
  notYou: 'This tablet is used by {{ name }}; only {{ signer }} can sign as {{ role }}.',
  notSigner: 'Only the person the minutes name as {{ role }} can sign.',
  notReopener: 'Only the chair or the secretary can reopen the minutes.',
  keyTaken: 'This tablet registered another signing key. Tell the committee.',
  signFailed: 'Could not sign on this tablet: {{ reason }}',
  reopenedBy: 'Reopened at {{ at }} by {{ name }}: {{ reason }}',
  historyTitle: 'Change history',
  historyEmpty: 'No changes recorded yet.',
  changed: '{{ name }} changed {{ field }}, {{ when }}',
};
