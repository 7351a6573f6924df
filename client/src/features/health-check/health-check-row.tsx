import {
  flagHealthCheck,
  type HealthCheck,
  type HealthCheckInput,
  type HealthError,
  type HealthMeasure,
  type HealthThresholds,
  type Member,
  type Result,
} from '@chungtay/model';
import { createEffect, For, type JSX, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { healthFeedback } from './health-feedback';
import { useHealthI18n } from './health-i18n';
import { MeasureConflicts } from './measure-conflicts';
import { MeasureField } from './measure-field';
import { formatMeasure, MEASURES, type Measure, measureFlag, parseMeasure } from './measure-text';

export type MeasurePatch = Omit<HealthCheckInput, 'meetingId' | 'memberId' | 'takenAt'>;

/** What a row may do to the health doc: write its numbers, keep one of two tablets' values. */
export interface RowCommands {
  record(patch: MeasurePatch): Result<void, HealthError>;
  keep(field: HealthMeasure, writeId: string): Result<void, HealthError>;
}

type Texts = Record<Measure, string>;
type Problems = Partial<Record<Measure, string>>;

const PARTNER: Partial<Record<Measure, Measure>> = { systolic: 'diastolic', diastolic: 'systolic' };

/**
 * One member present: name and four numbers. The row keeps what is being typed; a number is written to
 * the health doc when its field is left, blood pressure once both of its numbers are there (the model
 * keeps them together). A value arriving from another tablet replaces the text of a field not being edited.
 */
export function HealthCheckRow(props: {
  member: Member;
  check: HealthCheck | undefined;
  thresholds: HealthThresholds;
  commands: RowCommands;
  /** The meeting is locked (its minutes approved) or this tablet may not edit: values shown, not typed. */
  readOnly: boolean;
  onNext: (from: HTMLInputElement) => void;
}): JSX.Element {
  const i18n = useHealthI18n();
  const { t } = i18n;
  const stored = (measure: Measure) => props.check?.[measure] ?? null;
  const [texts, setTexts] = createStore<Texts>({
    weightKg: formatMeasure(stored('weightKg')),
    systolic: formatMeasure(stored('systolic')),
    diastolic: formatMeasure(stored('diastolic')),
    glucoseMmol: formatMeasure(stored('glucoseMmol')),
  });
  const [problems, setProblems] = createStore<Problems>({});
  let rowEl: HTMLLIElement | undefined;
  const editing = new Set<Measure>();
  for (const measure of MEASURES) {
    createEffect(
      on(
        () => stored(measure),
        (value) => {
          if (!editing.has(measure)) setTexts(measure, formatMeasure(value));
        },
        { defer: true },
      ),
    );
  }

  const typedValue = (measure: Measure): number | null => {
    const parsed = parseMeasure(measure, texts[measure]);
    return parsed.type === 'value' ? parsed.value : null;
  };
  /** A typing problem of one field, or null when its text is a value or empty. */
  const textProblem = (measure: Measure): string | null => {
    const parsed = parseMeasure(measure, texts[measure]);
    if (parsed.type === 'notNumber') return t('healthCheck.notNumber');
    if (parsed.type === 'implausible')
      return t('healthCheck.implausible', { min: parsed.min, max: parsed.max });
    return null;
  };
  const write = (patch: MeasurePatch, fields: readonly Measure[]) => {
    const found = healthFeedback(i18n, props.commands.record(patch)) ?? {};
    for (const field of fields) {
      const code = found[field];
      const message =
        code === undefined
          ? undefined
          : code === 'required'
            ? t('healthCheck.pairNeeded')
            : field === 'diastolic' && code === 'numberRange'
              ? t('healthCheck.diastolicBelow')
              : t(`errors.${code}` as never);
      setProblems(field, message);
    }
  };

  const commitSingle = (measure: 'weightKg' | 'glucoseMmol') => {
    const problem = textProblem(measure);
    setProblems(measure, problem ?? undefined);
    if (problem !== null) return;
    const value = typedValue(measure);
    if (value === stored(measure)) return;
    write({ [measure]: value }, [measure]);
  };

  const commitPressure = (left: 'systolic' | 'diastolic', next: Element | null) => {
    const sysProblem = textProblem('systolic');
    const diaProblem = textProblem('diastolic');
    setProblems('systolic', sysProblem ?? undefined);
    setProblems('diastolic', diaProblem ?? undefined);
    if (sysProblem !== null || diaProblem !== null) return;
    const systolic = typedValue('systolic');
    const diastolic = typedValue('diastolic');
    if (systolic === null && diastolic === null) {
      if (stored('systolic') !== null || stored('diastolic') !== null) {
        write({ systolic: null, diastolic: null }, ['systolic', 'diastolic']);
      }
      return;
    }
    if (systolic === null || diastolic === null) {
      // Leaving systolic for diastolic is the usual way on: only a pair left half-typed is a problem.
      const partner = PARTNER[left];
      if ((next as HTMLElement | null)?.dataset?.measure === partner && next?.closest('li') === rowEl) return;
      setProblems(systolic === null ? 'systolic' : 'diastolic', t('healthCheck.pairNeeded'));
      return;
    }
    if (systolic === stored('systolic') && diastolic === stored('diastolic')) return;
    if (diastolic >= systolic) {
      setProblems('diastolic', t('healthCheck.diastolicBelow'));
      return;
    }
    write({ systolic, diastolic }, ['systolic', 'diastolic']);
  };

  const leave = (measure: Measure, next: Element | null) => {
    editing.delete(measure);
    if (measure === 'systolic' || measure === 'diastolic') commitPressure(measure, next);
    else commitSingle(measure);
  };

  const flagOf = (measure: Measure) => {
    const value = typedValue(measure);
    return value === null ? null : measureFlag(measure, value, props.thresholds);
  };
  const flags = () =>
    flagHealthCheck(
      {
        systolic: typedValue('systolic'),
        diastolic: typedValue('diastolic'),
        glucoseMmol: typedValue('glucoseMmol'),
      },
      props.thresholds,
    );
  const messages = () => MEASURES.map((m) => problems[m]).filter((m): m is string => m !== undefined);
  return (
    <li
      ref={rowEl}
      class="health-check-row"
      data-testid="health-check-row"
      data-member={props.member.fullName}
      data-flagged={flags().length > 0 ? 'true' : 'false'}
    >
      <span class="health-check-name">{props.member.fullName}</span>
      <For each={MEASURES}>
        {(measure) => (
          <MeasureField
            measure={measure}
            label={t('healthCheck.fieldOf', {
              field: t(`healthCheck.field.${measure}`),
              name: props.member.fullName,
            })}
            text={texts[measure]}
            onText={(text) => {
              editing.add(measure);
              setTexts(measure, text);
            }}
            onLeave={(next) => leave(measure, next)}
            onNext={props.onNext}
            flag={flagOf(measure)}
            invalid={problems[measure] !== undefined}
            readOnly={props.readOnly}
          />
        )}
      </For>
      <Show when={flags().length > 0 || messages().length > 0}>
        <p class="health-check-notes" data-testid="health-check-notes">
          <Show when={flags().length > 0}>
            <span class="health-check-flags" data-testid="health-check-flags">
              {t('health.followUp')}:{' '}
              {flags()
                .map((f) => t(`health.flag.${f}`))
                .join(', ')}
            </span>
          </Show>
          <For each={messages()}>{(message) => <span class="field-error">{message}</span>}</For>
        </p>
      </Show>
      <MeasureConflicts check={props.check} canEdit={!props.readOnly} keep={props.commands.keep} />
    </li>
  );
}
