/**
 * Whether `error` is a screen's code that could not be fetched: the tablet lost the signal before the app
 * had finished installing itself (its service worker keeps every screen once installed). Each browser says
 * it in its own words (Chromium's, Firefox's and Safari's are here), and Vite's loader says it of a
 * screen's stylesheet.
 */
export function isMissingScreen(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof TypeError)
    return /dynamically imported module|Importing a module script failed/i.test(error.message);
  return error.message.startsWith('Unable to preload CSS for ');
}

/** Reloads once the signal is back, so the screen opens by itself; returns the stop. */
export function reloadWhenOnline(
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> & {
    location: Pick<Location, 'reload'>;
  } = window,
): () => void {
  const reload = () => win.location.reload();
  win.addEventListener('online', reload, { once: true });
  return () => win.removeEventListener('online', reload);
}
