import type { Result } from '@chungtay/model';

/** Why a typed sync server address was refused; each has its own message (`relayAddress.errors.*`). */
export type RelayAddressProblem = 'required' | 'notAddress' | 'scheme' | 'credentials' | 'extra';

/**
 * Reads the sync server address someone typed, at the edge, before it is saved: an absolute http(s) URL
 * naming only a server. The relay serves `/sync/` and `/api/` from its root, so a path would be silently
 * dropped by the socket URL and then every request would miss; refusing it says so instead. Returns the
 * origin ("HTTPS://Dongbo.VN:443/" → "https://dongbo.vn"), the form the tablet stores and connects to.
 */
export function parseRelayAddress(text: string): Result<string, RelayAddressProblem> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'required' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: 'notAddress' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, error: 'credentials' };
  // The raw text, not only url.search/url.hash: an empty "?" or "#" parses to "" yet was still typed.
  if (url.pathname !== '/' || /[?#]/.test(trimmed)) return { ok: false, error: 'extra' };
  return { ok: true, value: url.origin };
}
