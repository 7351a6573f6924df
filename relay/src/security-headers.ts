import type { ServerResponse } from 'node:http';

/**
 * The Content-Security-Policy of everything the relay serves (the PWA, the API, /metrics), built once.
 *
 * - Scripts only from this origin, none inline and no eval: the built index.html loads its modules by URL,
 *   the service worker is registered from a module (registerSW), and jsQR is plain JavaScript, so nothing
 *   needs more. An injected `<script>` or `onclick=` then does not run.
 * - `connect-src` lets the app reach any relay over http(s) and ws(s): the relay address is a setting of the
 *   app (another server, another port), and a fixed list would lock a club out of moving. Browsers already
 *   refuse http and ws from an https page (mixed content).
 * - Images from here, `data:` and `blob:` (the invite's QR code, icons); styles from here only (Solid and
 *   Kobalte set styles through the DOM, which CSP does not restrict).
 * - `frame-ancestors 'none'`: no other site may frame the app (clickjacking on the share and key screens).
 * - `base-uri 'none'`, `object-src 'none'`, `form-action 'self'`: no plugin, no rebased URLs, no form posted
 *   elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: wss: http: ws:",
  "media-src 'self' blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The camera for this origin only (the join screen's QR scanner); every other powerful feature off. A
 * feature not listed keeps the browser's default, so the ones a page could misuse are named.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'display-capture=()',
  'screen-wake-lock=()',
  'publickey-credentials-get=()',
].join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'permissions-policy': PERMISSIONS_POLICY,
  // No address of the app (which may carry a club id) leaks to another site in a Referer header.
  'referrer-policy': 'no-referrer',
  // Every answer is served with its real type; a browser must not guess another (a text file run as script).
  'x-content-type-options': 'nosniff',
  // For browsers older than frame-ancestors.
  'x-frame-options': 'DENY',
};

/** Sets the security headers on a response before anything else writes its head. */
export function applySecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}
