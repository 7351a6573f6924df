/**
 * Follow-up flags for one health check. The thresholds are club settings; the defaults follow the
 * usual adult cut-offs: high blood pressure at >= 140 systolic or >= 90 diastolic, low below 90/60;
 * glucose at a club meeting is a random (non-fasting) finger-prick, so "high" uses the random-glucose
 * cut-off of >= 11.1 mmol/L rather than the fasting 7.0; low below 3.9 mmol/L.
 */

export const HEALTH_FLAGS = ['highBloodPressure', 'lowBloodPressure', 'highGlucose', 'lowGlucose'] as const;
export type HealthFlag = (typeof HEALTH_FLAGS)[number];

export interface HealthThresholds {
  readonly highSystolic: number;
  readonly highDiastolic: number;
  readonly lowSystolic: number;
  readonly lowDiastolic: number;
  readonly highGlucoseMmol: number;
  readonly lowGlucoseMmol: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  highSystolic: 140,
  highDiastolic: 90,
  lowSystolic: 90,
  lowDiastolic: 60,
  highGlucoseMmol: 11.1,
  lowGlucoseMmol: 3.9,
};

export const THRESHOLD_KEYS = Object.keys(DEFAULT_HEALTH_THRESHOLDS) as (keyof HealthThresholds)[];

/**
 * What a club may set, inclusive. Wide enough for provincial practice (a high-pressure cut-off of
 * 130/80, a fasting 7.0 mmol/L for glucose), narrow enough to refuse a slip (1400, 0.39) that would
 * flag everyone or no one.
 */
export const HEALTH_THRESHOLD_RANGES: { readonly [K in keyof HealthThresholds]: readonly [number, number] } =
  {
    highSystolic: [100, 220],
    highDiastolic: [60, 130],
    lowSystolic: [60, 130],
    lowDiastolic: [30, 90],
    highGlucoseMmol: [5, 25],
    lowGlucoseMmol: [2, 7],
  };

/** [low, high]: each low threshold must stay below its high one, or a reading would be both. */
export const HEALTH_THRESHOLD_PAIRS = [
  ['lowSystolic', 'highSystolic'],
  ['lowDiastolic', 'highDiastolic'],
  ['lowGlucoseMmol', 'highGlucoseMmol'],
] as const satisfies readonly (readonly [keyof HealthThresholds, keyof HealthThresholds])[];

export interface Measurements {
  readonly systolic: number | null;
  readonly diastolic: number | null;
  readonly glucoseMmol: number | null;
}

export function flagHealthCheck(
  check: Measurements,
  thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): HealthFlag[] {
  const flags: HealthFlag[] = [];
  const { systolic: sys, diastolic: dia, glucoseMmol: glucose } = check;
  if ((sys !== null && sys >= thresholds.highSystolic) || (dia !== null && dia >= thresholds.highDiastolic)) {
    flags.push('highBloodPressure');
  }
  if ((sys !== null && sys < thresholds.lowSystolic) || (dia !== null && dia < thresholds.lowDiastolic)) {
    flags.push('lowBloodPressure');
  }
  if (glucose !== null && glucose >= thresholds.highGlucoseMmol) flags.push('highGlucose');
  if (glucose !== null && glucose < thresholds.lowGlucoseMmol) flags.push('lowGlucose');
  return flags;
}
