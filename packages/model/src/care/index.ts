export {
  attachToVisit,
  detachFromVisit,
  listMembersVisitPhotos,
  listVisitAttachments,
  setVisitAttachmentCaption,
} from './care-attachments';
export {
  createCare,
  endPairing,
  type PairingInput,
  type PairingPatch,
  recordVisit,
  resolvePairingConflict,
  setVisitInterval,
  startPairing,
  updatePairing,
  VISIT_INTERVAL_RANGE,
  type VisitInput,
  validatePairing,
  validateVisit,
  withdrawVisit,
} from './care-commands';
export {
  daysBetween,
  listMonthVisits,
  listPairingStatus,
  listPairingVisits,
  type PairingStatus,
} from './care-due';
export { newPairingId, newVisitId, type PairingId, type VisitId } from './care-ids';
export {
  CARE_SCHEMA_VERSION,
  careDocName,
  PAIRING_VALUE_FIELDS,
  type PairingValueField,
  VISIT_ACTIVITIES,
  type VisitActivity,
} from './care-layout';
export { getCareSchemaStatus, listCareMigrations, migrateCare } from './care-migrations';
export { type CareView, DEFAULT_VISIT_INTERVAL_DAYS, type Pairing, readCare, type Visit } from './read-care';
