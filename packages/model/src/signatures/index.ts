export { canonicalJson, canonicalStatement, type SignedStatement } from './canonical';
export { type PinnedKeys, pinTabletKeys } from './key-pins';
export { type MinutesSignatureStatus, verifyMinutesSignatures } from './minutes-signatures';
export { checkReopener, checkSignerRole, type NotSignerError } from './signer-rules';
export {
  type KeyTakenError,
  type RegisterTabletKeyInput,
  readTabletKeys,
  registerTabletKey,
  type TabletKey,
} from './tablet-keys';
export { isPinRequired, type NotCommitteeError, setPinRequired } from './tablet-policy';
export {
  approvalStatement,
  type MinutesIdentity,
  reopeningStatement,
  type SignatureStatus,
  type SignatureVerifier,
  verifyApproval,
  verifyReopening,
  verifyStatement,
} from './verify-signatures';
