import type { viPeople } from './vi-people';

export const enPeople: typeof viPeople = {
  whoUses: 'Who is using this tablet?',
  whoUsesHint: 'Choose your name. When minutes are signed, the tablet records who is using it.',
  choose: 'Choose the person',
  nobody: 'Not chosen',
  current: 'Using: {{ name }}',
  switchTitle: 'Change who uses this tablet',
  skip: 'Later',
  requirePin: 'Ask for a PIN when switching person and when signing',
  requirePinHint: 'The committee decides. Each person sets their own 4–6 digit PIN on each tablet.',
  pin: 'PIN (4–6 digits)',
  pinRepeat: 'Repeat the PIN',
  setPin: 'Set PIN',
  setPinTitle: '{{ name }} sets a PIN on this tablet',
  enterPin: '{{ name }}, enter your PIN',
  confirm: 'Confirm',
  pinFormat: 'A PIN has 4 to 6 digits.',
  pinMismatch: 'The two entries differ.',
  pinWrong: 'That PIN is not right. Try again.',
  pinWait: 'Wrong PIN several times. Wait {{ seconds }} seconds and try again.',
  pinSaved: 'PIN set.',
  notCommittee:
    'Only a committee member can change this rule. Choose a committee member as the person using this tablet.',
  pinRuleSaved: 'The PIN rule is saved.',
  chooseFirst: 'Choose a person.',
};
