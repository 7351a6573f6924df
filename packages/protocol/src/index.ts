export { decodeBase64url, encodeBase64url } from './base64url';
export {
  CloseCode,
  type CloseCodeName,
  type CloseCodeValue,
  closeCodeName,
  isTerminalCloseCode,
} from './close-codes';
export {
  ConnectionParam,
  connectionParams,
  connectionProtocols,
  keyFromProtocols,
  offersSyncSubprotocol,
  PROTOCOL_VERSION,
  SYNC_PATH,
  SYNC_SUBPROTOCOL,
  syncServerUrl,
  versionParams,
} from './connection';
export {
  type ClubId,
  type DocumentName,
  type DocumentNameError,
  documentName,
  isClubId,
  isPrivateDocument,
  keepsHistory,
  type ParsedDocumentName,
  parseDocumentName,
} from './document-name';
export {
  type ApiError,
  type ApiErrorType,
  type ApiSuccess,
  type BodyError,
  HEALTH_PATH,
  type HealthResponse,
  METRICS_PATH,
  parseBearerKey,
  parseRegisterClubRequest,
  parseRotateKeysRequest,
  type RegisterClubRequest,
  type RotateKeysRequest,
  registerClubPath,
  rotateKeysPath,
} from './http-api';
export {
  formatInvite,
  type Invite,
  type InviteError,
  type InviteInput,
  parseInvite,
  type Role,
} from './invite';
export { type ClubKey, generateKey, isWellFormedKey, KEY_BYTES, KEY_LENGTH } from './key';
export {
  type CustomMessage,
  type CustomMessageError,
  decodeCustomMessage,
  encodeNoticeMessage,
  encodeStoredMessage,
  isSyncContentFrame,
  MESSAGE_NOTICE,
  MESSAGE_STORED,
  MessageType,
  type Notice,
  SyncMessageType,
  type SyncMessageTypeValue,
} from './messages';
export { err, ok, type Result } from './result';
export { decodeStateVector, isStateVectorCovered, StoredClocks } from './state-vector';
export {
  isTabletId,
  parseRegisterTabletRequest,
  parseTabletList,
  type RegisterTabletRequest,
  revokeTabletPath,
  type TabletBodyError,
  type TabletInfo,
  type TabletList,
  tabletsPath,
} from './tablet-api';
export { isViewerDocument, VIEWER_DOCUMENT_PART, viewerDocumentName } from './viewer-documents';
