import type * as Y from 'yjs';
import { insertGroup } from '../groups/group-commands';
import { type ClubId, err, type IsoDate, newClubId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import {
  type CommandError,
  FieldErrors,
  type ReadOnlyError,
  runCommand,
  type ValidationError,
} from '../schema/command';
import {
  type ClubKind,
  RED_CROSS_GROUP_NAMES,
  STANDARD_AREA_NAMES,
  STANDARD_AREAS,
  type StandardArea,
} from '../schema/enums';
import { checkOptionalText, checkPastDate, checkRequiredText, MAX_TEXT } from '../schema/field-checks';
import { metaMap, profileMap, SCHEMA_VERSION, setIfChanged, settingsMap } from '../schema/layout';
import { isReadOnly } from '../schema/migrations';
import { type ClubSettings, NATIONAL_TARGETS, SETTING_KEYS } from '../schema/types';
import { readSettings } from './read-club';

export interface DefaultGroup {
  readonly name: string;
  readonly area: StandardArea | null;
}

/**
 * The groups a new club starts with, by kind. Names are stored in Vietnamese rather than as catalogue
 * keys because clubs rename them ("some districts use six areas or other names").
 */
export function defaultGroups(kind: ClubKind, hamlets: readonly string[]): readonly DefaultGroup[] {
  switch (kind) {
    case 'selfHelp':
      return STANDARD_AREAS.map((area) => ({ name: STANDARD_AREA_NAMES[area], area }));
    case 'veterans': {
      const names = hamlets.map((h) => h.trim()).filter((h) => h !== '');
      const unique = [...new Set(names)];
      return unique.length === 0
        ? [{ name: 'Tổ 1', area: null }]
        : unique.map((hamlet) => ({ name: `Tổ ${hamlet}`, area: null }));
    }
    case 'redCross':
      return RED_CROSS_GROUP_NAMES.map((name) => ({ name, area: null }));
    case 'other':
      return [];
  }
}

export interface CreateClubInput {
  name: string;
  kind: ClubKind;
  hamlet?: string;
  commune?: string;
  district?: string;
  province?: string;
  foundedOn?: IsoDate | null;
  /** Veterans' clubs: one team per hamlet. */
  hamlets?: readonly string[];
}

export type ProfilePatch = Partial<Omit<CreateClubInput, 'hamlets'>>;

const PLACE_KEYS = ['hamlet', 'commune', 'district', 'province'] as const;

function validateProfile(patch: ProfilePatch, requireName: boolean, today: IsoDate): ValidationError | null {
  const errors = new FieldErrors();
  if (requireName || patch.name !== undefined) errors.add('name', checkRequiredText(patch.name, MAX_TEXT));
  for (const key of PLACE_KEYS) errors.add(key, checkOptionalText(patch[key], MAX_TEXT));
  errors.add('foundedOn', checkPastDate(patch.foundedOn, today));
  return errors.done();
}

function writeProfile(doc: Y.Doc, patch: ProfilePatch): void {
  const profile = profileMap(doc);
  setIfChanged(profile, 'name', patch.name?.trim());
  setIfChanged(profile, 'kind', patch.kind);
  for (const key of PLACE_KEYS) setIfChanged(profile, key, patch[key]?.trim());
  setIfChanged(profile, 'foundedOn', patch.foundedOn);
}

/** Sets up a new club in an empty doc. Calling it on a doc that already holds a club is a bug. */
export function createClub(
  doc: Y.Doc,
  input: CreateClubInput,
  origin: LocalOrigin,
  today: IsoDate,
): Result<ClubId, ValidationError | ReadOnlyError> {
  if (isReadOnly(doc)) return err({ type: 'readOnly' });
  if (metaMap(doc).has('clubId')) throw new Error('createClub: this doc already holds a club');
  const error = validateProfile(input, true, today);
  if (error !== null) return err(error);
  const id = newClubId();
  doc.transact(() => {
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
    metaMap(doc).set('clubId', id);
    writeProfile(doc, {
      name: input.name,
      kind: input.kind,
      hamlet: input.hamlet ?? '',
      commune: input.commune ?? '',
      district: input.district ?? '',
      province: input.province ?? '',
      foundedOn: input.foundedOn ?? null,
    });
    const settings = settingsMap(doc);
    for (const key of SETTING_KEYS) settings.set(key, NATIONAL_TARGETS[key]);
    for (const group of defaultGroups(input.kind, input.hamlets ?? []))
      insertGroup(doc, group.name, group.area);
  }, origin);
  return ok(id);
}

export function updateProfile(
  doc: Y.Doc,
  patch: ProfilePatch,
  origin: LocalOrigin,
  today: IsoDate,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const error = validateProfile(patch, false, today);
    if (error !== null) return err(error);
    writeProfile(doc, patch);
    return ok(undefined);
  });
}

const PAIRS = [
  ['memberMin', 'memberMax'],
  ['womenMinPct', 'womenMaxPct'],
  ['olderMinPct', 'olderMaxPct'],
  ['youngerMinPct', 'youngerMaxPct'],
  ['groupMin', 'groupMax'],
] as const;

function inRange(key: keyof ClubSettings, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (key.endsWith('Pct')) return value >= 0 && value <= 100;
  if (key === 'olderAge') return Number.isInteger(value) && value >= 40 && value <= 80;
  return Number.isInteger(value) && value >= 0 && value <= 10_000;
}

/** Checks the patch merged over the current settings, so min <= max holds for the result. */
export function validateSettings(
  current: ClubSettings,
  patch: Partial<ClubSettings>,
): ValidationError | null {
  const errors = new FieldErrors();
  const next: ClubSettings = { ...current, ...patch };
  for (const key of SETTING_KEYS) {
    const value = patch[key];
    if (value !== undefined && !inRange(key, value)) errors.add(key, 'numberRange');
  }
  for (const [min, max] of PAIRS) {
    if (next[min] > next[max]) {
      errors.add(min, 'numberRange');
      errors.add(max, 'numberRange');
    }
  }
  return errors.done();
}

export function updateSettings(
  doc: Y.Doc,
  patch: Partial<ClubSettings>,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const error = validateSettings(readSettings(doc), patch);
    if (error !== null) return err(error);
    const settings = settingsMap(doc);
    for (const key of SETTING_KEYS) setIfChanged(settings, key, patch[key]);
    return ok(undefined);
  });
}
