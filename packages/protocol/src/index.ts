export { encodeBase64url, decodeBase64url } from './base64url';
export { CloseCode, closeCodeName, isTerminalCloseCode, type CloseCodeName, type CloseCodeValue } from './close-codes';
export { ConnectionParam, PROTOCOL_VERSION, SYNC_PATH, connectionParams, syncServerUrl } from './connection';
export {
  CLUB_ID_PATTERN,
  DOCUMENT_PART_PATTERN,
  MAX_DOCUMENT_SEGMENTS,
  PRIVATE_PARTS,
  documentName,
  isClubId,
  isPrivateDocument,
  parseDocumentName,
  type ClubId,
  type DocumentName,
  type DocumentNameError,
  type ParsedDocumentName,
} from './document-name';
export {
  HEALTH_PATH,
  METRICS_PATH,
  parseBearerKey,
  parseRegisterClubRequest,
  parseRotateKeysRequest,
  registerClubPath,
  rotateKeysPath,
  type ApiError,
  type ApiErrorType,
  type ApiSuccess,
  type BodyError,
  type HealthResponse,
  type RegisterClubRequest,
  type RotateKeysRequest,
} from './http-api';
export { INVITE_PATH, formatInvite, parseInvite, type Invite, type InviteError, type InviteInput, type Role } from './invite';
export { KEY_BYTES, KEY_LENGTH, generateKey, isWellFormedKey, type ClubKey } from './key';
export {
  MESSAGE_NOTICE,
  MESSAGE_STORED,
  MessageType,
  decodeCustomMessage,
  encodeNoticeMessage,
  encodeStoredMessage,
  type CustomMessage,
  type CustomMessageError,
  type Notice,
} from './messages';
export { err, ok, type Result } from './result';
export { decodeStateVector, isStateVectorCovered } from './state-vector';
