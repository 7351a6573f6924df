import {
  type HealthCheck,
  type HealthError,
  type HealthMeasure,
  isHealthMeasure,
  type Result,
} from '@chungtay/model';
import { type JSX, Show } from 'solid-js';
import { ConflictList } from '../shared/conflict-list';
import { healthFeedback } from './health-feedback';
import { useHealthI18n } from './health-i18n';
import { formatMeasure } from './measure-text';

/**
 * The measurements of one check that two tablets set differently while apart, each said in one sentence
 * ("Cân nặng (kg): hai máy ghi khác nhau: 52,5 (Lan, 10h02) / 55 (Hoa, 10h05): giữ số nào?") with a
 * button per value. Shown under the row on the health-check screen and above a member's chart; the
 * buttons are off while the meeting is locked or the tablet may not edit.
 */
export function MeasureConflicts(props: {
  check: HealthCheck | undefined;
  canEdit: boolean;
  /** The field's words; the member's page adds the day of the check. */
  label?: (field: string) => string;
  keep: (field: HealthMeasure, writeId: string) => Result<void, HealthError>;
}): JSX.Element {
  const i18n = useHealthI18n();
  const { t } = i18n;
  const conflicts = () => (props.check?.conflicts ?? []).filter((c) => isHealthMeasure(c.field));
  const label = (field: string) => props.label?.(field) ?? t(`healthCheck.field.${field}` as never);
  const show = (_field: string, value: unknown) => (typeof value === 'number' ? formatMeasure(value) : '');
  return (
    <Show when={conflicts().length > 0}>
      <div class="measure-conflicts" data-testid="measure-conflicts">
        <ConflictList
          conflicts={conflicts()}
          label={label}
          question={() => i18n.h('conflictQuestion')}
          show={show}
          canEdit={props.canEdit}
          onKeep={(conflict, option) => {
            const kept = t('conflicts.kept', { value: show(conflict.field, option.value) });
            healthFeedback(i18n, props.keep(conflict.field as HealthMeasure, option.id), kept);
          }}
        />
      </div>
    </Show>
  );
}
