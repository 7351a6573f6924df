export { type RedCrossActivity, type RedCrossView, readRedCross, type Volunteer } from './read-red-cross';
export {
  type ActivityInput,
  type ActivityPatch,
  MAX_ACTIVITY_COUNT,
  type RedCrossConflictInput,
  recordRedCrossActivity,
  registerVolunteer,
  resolveRedCrossConflict,
  updateRedCrossActivity,
  updateVolunteer,
  type VolunteerInput,
  type VolunteerPatch,
  validateActivity,
  withdrawRedCrossActivity,
} from './red-cross-commands';
export { countRedCross, isVolunteerOn, type RedCrossCounts } from './red-cross-counts';
export {
  type ActivityValueField,
  RED_CROSS_ACTIVITY_KINDS,
  type RedCrossActivityId,
  type RedCrossActivityKind,
  VOLUNTEER_SKILLS,
  type VolunteerSkill,
  type VolunteerValueField,
} from './red-cross-layout';
