import type { AgendaItem, MinutesPlace, Redaction } from '@chungtay/model';
import type { I18n } from '../../i18n/i18n-context';
import { formatInstant } from './minutes-feedback';

/** Where in the minutes a name stands, in the committee's words ("Kết luận mục "Thăm hỏi""). */
export function placeWords(t: I18n['t'], place: MinutesPlace, agenda: readonly AgendaItem[]): string {
  switch (place.kind) {
    case 'header':
      return t('redaction.place.header');
    case 'agenda': {
      const item = agenda.find((each) => each.id === place.itemId)?.title ?? '';
      const key = ({ title: 'agendaTitle', decisions: 'agendaDecisions', body: 'agendaBody' } as const)[
        place.field
      ];
      return t(`redaction.place.${key}`, { item });
    }
    case 'action':
      return t('redaction.place.action');
    case 'money':
      return t('redaction.place.money');
  }
}

/** The note approved (or draft) minutes carry on screen and in print once a name was taken out of them. */
export function redactionNote(
  t: I18n['t'],
  redactions: readonly Redaction[],
  approved: boolean,
  nameOf: (id: string | null) => string,
): string | null {
  if (redactions.length === 0) return null;
  const count = redactions.reduce((sum, each) => sum + each.count, 0);
  const last = redactions[redactions.length - 1];
  const words = { count, name: nameOf(last?.by ?? null), date: formatInstant(last?.at ?? '') };
  return t(approved ? 'redaction.noteApproved' : 'redaction.note', words);
}
