import type { viConflicts } from './vi-conflicts';

// English for vi-conflicts.ts, wired into en.ts as `conflicts`.
export const enConflicts: typeof viConflicts = {
  message: '{{ field }}: two tablets wrote different values: {{ options }}: {{ question }}',
  option: '{{ value }} ({{ name }}, {{ when }})',
  keep: 'Keep {{ value }}',
  kept: 'Kept {{ value }} on every tablet.',
  empty: '(empty)',
  yes: 'Yes',
  no: 'No',
  heading: 'Choose one value',
  question: {
    fullName: 'which name to keep?',
    gender: 'which one to keep?',
    birthYear: 'which year to keep?',
    phone: 'which number to keep?',
    hamlet: 'which hamlet to keep?',
    household: 'which status to keep?',
    ethnicMinority: 'which one to keep?',
    joinedOn: 'which date to keep?',
    role: 'which role to keep?',
  },
  meetingField: {
    date: 'Meeting date',
    time: 'Start time',
    kind: 'Kind of meeting',
    chairId: 'Chair',
    secretaryId: 'Secretary',
  },
  meetingQuestion: {
    date: 'which date to keep?',
    time: 'which time to keep?',
    kind: 'which kind to keep?',
    chairId: 'which person to keep?',
    secretaryId: 'which person to keep?',
  },
};
