import type {
  ActivityInput,
  ActivityPatch,
  IsoDate,
  LocalOrigin,
  RedCrossActivityId,
  RedCrossConflictInput,
  VolunteerInput,
  VolunteerPatch,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';

/**
 * A Red Cross chapter's register and log live in the club doc, so their commands are bound with the club's
 * (club-commands.ts spreads these in): the same session, undo and sync. Each write is stamped with the
 * tablet's time, so a date or count set differently on two tablets shows who wrote what, when.
 */
export function bindRedCrossCommands(doc: Y.Doc, origin: LocalOrigin, today: () => IsoDate) {
  const now = () => new Date().toISOString();
  return {
    registerVolunteer: (input: VolunteerInput) => model.registerVolunteer(doc, input, today(), origin, now()),
    updateVolunteer: (patch: VolunteerPatch) => model.updateVolunteer(doc, patch, today(), origin, now()),
    recordRedCrossActivity: (input: ActivityInput) =>
      model.recordRedCrossActivity(doc, input, today(), origin, now()),
    updateRedCrossActivity: (patch: ActivityPatch) =>
      model.updateRedCrossActivity(doc, patch, today(), origin, now()),
    withdrawRedCrossActivity: (activityId: RedCrossActivityId) =>
      model.withdrawRedCrossActivity(doc, { activityId, on: today() }, origin),
    resolveRedCrossConflict: (input: RedCrossConflictInput) =>
      model.resolveRedCrossConflict(doc, input, origin, now()),
  };
}
