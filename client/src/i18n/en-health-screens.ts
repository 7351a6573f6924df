import type { viHealthScreens } from './vi-health-screens';

export const enHealthScreens: typeof viHealthScreens = {
  chart: {
    title: 'Chart across checks',
    failed:
      'The chart could not be drawn on this tablet (it needs the network once to fetch its code). The table below has every check.',
    band: {
      high: 'High: from {{ threshold }}',
      low: 'Low: below {{ threshold }}',
    },
    summary:
      '{{ measure }}: {{ count }} checks from {{ from }} to {{ to }}; latest {{ last }} on {{ lastDay }}.',
  },
  locked: {
    line: 'The minutes of this meeting were approved on {{ date }}, so its measurements are locked and shown only. To change them, the chair reopens the minutes.',
    short:
      'The minutes of this meeting are approved, so its measurements are locked; this number was not written.',
  },
  conflictQuestion: 'which one to keep?',
  tableTitle: 'Table of checks',
};
