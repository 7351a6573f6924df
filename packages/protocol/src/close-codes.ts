/**
 * Every close code the relay uses, in one place. 4000–4399: transient, the client reconnects with backoff.
 * 4400–4499: terminal, reconnecting cannot help (y-websocket's default `shouldReconnect` stops on these too).
 */
export const CloseCode = {
  malformedMessage: 4001,
  messageTooLarge: 4002,
  rateLimited: 4003,
  serverBusy: 4004,
  shuttingDown: 4005,
  /** The relay's cap on open connections is reached (MAX_CONNECTIONS); another try later may get in. */
  tooManyConnections: 4006,
  invalidDocumentName: 4400,
  unauthorized: 4401,
  privateDocument: 4403,
  clubNotRegistered: 4404,
  keyRevoked: 4410,
  /** This tablet's own key was cut off by the committee (issue 12 §6); the club's other tablets go on. */
  tabletRevoked: 4411,
  /** The club already stores the most documents its relay allows; this one is new, so it cannot be stored. */
  documentQuotaExceeded: 4413,
  /** The club's stored bytes reached its relay's quota: nothing new of it can be stored. */
  storageQuotaExceeded: 4414,
  unsupportedProtocolVersion: 4426,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

export function isTerminalCloseCode(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

/** The name for a code the relay sent, for logs, metrics labels and i18n keys; undefined for foreign codes. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  for (const [name, value] of Object.entries(CloseCode)) {
    if (value === code) return name as CloseCodeName;
  }
  return undefined;
}
