export {
  findInMinutes,
  type MinutesPlace,
  type Occurrence,
  type Redaction,
  readRedactions,
  type VouchedRecords,
  type VouchedStatus,
} from '../minutes/redaction';
export type { RedactionCheck } from '../signatures/verify-redaction';
export {
  generationsMap,
  isStateCovered,
  type MinutesGeneration,
  minutesGenerationDocName,
  newGenerationId,
  nextGenerationNumber,
  type RecordGenerationInput,
  readMinutesGeneration,
  recordMinutesGeneration,
  retiredGenerations,
} from './minutes-generation';
export { type KeptAsideEdit, type OldGenerationState, oldGenerationEdits } from './old-generation';
export { REDACTED } from './redact-text';
export {
  lastRedactionStatement,
  type RewriteError,
  type RewriteInput,
  type Rewritten,
  rewriteMinutes,
  signLastRedaction,
} from './rewrite-minutes';
