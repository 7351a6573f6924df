import type { MemberId, Pairing, PairingValueField } from '@chungtay/model';
import type { JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import { ConflictList } from '../shared/conflict-list';
import { useCare } from './care-context';
import { memberNames } from './care-names';

/** A pairing's volunteer, dates or interval set differently on two tablets, with a button per value. */
export function PairingConflicts(props: { pairing: Pairing }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const care = useCare();
  const show = (field: string, value: unknown): string => {
    switch (field as PairingValueField) {
      case 'volunteerId':
        return memberNames(club.club).get(value as MemberId) ?? String(value);
      case 'start':
      case 'end':
        return i18n.date(String(value));
      case 'intervalDays':
        return value === null ? t('care.intervalClub') : String(value);
    }
  };
  return (
    <ConflictList
      conflicts={props.pairing.conflicts ?? []}
      label={(field) => t(`care.pairingField.${field}` as never)}
      question={() => t('care.pairingQuestion')}
      show={show}
      canEdit={club.canEdit() && !care.view.readOnly}
      onKeep={(conflict, option) => {
        const result = care.commands.resolvePairingConflict(
          props.pairing.id,
          conflict.field as PairingValueField,
          option.id,
        );
        if (feedback(i18n, result) === null)
          showToast(t('conflicts.kept', { value: show(conflict.field, option.value) }), 'success');
      }}
    />
  );
}
