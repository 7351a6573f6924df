/**
 * The home-care screens under /club/:id/care/…, resolved inside the care chunk, so the app declares one
 * lazy route for all of them (as for money).
 */
export type CareRoute =
  | { readonly page: 'list' }
  | { readonly page: 'pairing'; readonly id: string }
  | { readonly page: 'print' }
  | { readonly page: 'notFound' };

/** `rest` is what follows /care/ ("", "print", "<pairingId>"). */
export function resolveCareRoute(rest: string | undefined): CareRoute {
  const parts = (rest ?? '').split('/').filter((p) => p !== '');
  const [first, ...more] = parts;
  if (more.length > 0) return { page: 'notFound' };
  if (first === undefined) return { page: 'list' };
  if (first === 'print') return { page: 'print' };
  return { page: 'pairing', id: decodeURIComponent(first) };
}
