import type { FieldConflictView, RedCrossConflictInput } from '@chungtay/model';
import type { JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import { ConflictList } from '../shared/conflict-list';

const DATE_FIELDS = new Set(['since', 'left', 'date']);

/** A volunteer's date or an activity's field two tablets set differently, with a button per value. */
export function RedCrossConflicts(props: {
  record: RedCrossConflictInput['record'];
  id: string;
  conflicts: readonly FieldConflictView[] | undefined;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const show = (field: string, value: unknown): string =>
    DATE_FIELDS.has(field)
      ? i18n.date(String(value))
      : field === 'kind'
        ? t(`redCross.kind.${String(value)}` as never)
        : String(value);
  return (
    <ConflictList
      conflicts={props.conflicts ?? []}
      label={(field) => t(`redCross.field.${field}` as never)}
      question={() => t('redCross.question')}
      show={show}
      canEdit={club.canEdit()}
      onKeep={(conflict, option) => {
        const input = { record: props.record, id: props.id, field: conflict.field, writeId: option.id };
        const result = club.commands.resolveRedCrossConflict(input as RedCrossConflictInput);
        if (feedback(i18n, result) === null)
          showToast(t('conflicts.kept', { value: show(conflict.field, option.value) }), 'success');
      }}
    />
  );
}
