import { flagHealthCheck, type HealthCheck, type HealthFlag, type HealthThresholds } from '@chungtay/model';

export interface PrintHealthRow {
  readonly check: HealthCheck;
  readonly flags: readonly HealthFlag[];
}

/**
 * The health table of the printed minutes: in the register's order (the order of `memberIds`, the
 * roster sorted by given name, as the attendance table prints), anyone no longer listed after them,
 * each row with the follow-up flags the club's thresholds give, so the paper shows who to visit.
 */
export function printHealthRows(
  checks: readonly HealthCheck[],
  memberIds: readonly string[],
  thresholds: HealthThresholds,
): PrintHealthRow[] {
  const position = new Map(memberIds.map((id, index) => [id, index]));
  const rank = (c: HealthCheck) => position.get(c.memberId) ?? memberIds.length;
  return [...checks]
    .filter(
      (c) => c.weightKg !== null || c.systolic !== null || c.diastolic !== null || c.glucoseMmol !== null,
    )
    .sort((a, b) => rank(a) - rank(b))
    .map((check) => ({ check, flags: flagHealthCheck(check, thresholds) }));
}
