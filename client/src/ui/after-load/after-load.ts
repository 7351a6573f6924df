/** How long after the page's load event the first screen is taken to be painted (a club's roster paints
 * about 2 s after navigation on a cheap tablet, the load event comes well before). */
const SETTLE_MS = 2000;

/**
 * Runs `work` in idle time once the page has loaded and its first screen has had time to paint: for code
 * nobody needs on the first screen (toasts, the service worker's registration), whose requests and
 * evaluation would otherwise fall in the roster's idle moments while IndexedDB reads. Returns the cancel.
 */
export function afterFirstScreen(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const settle = () => {
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(work, { timeout: 2000 });
      else work();
    }, SETTLE_MS);
  };
  if (document.readyState === 'complete') settle();
  else window.addEventListener('load', settle, { once: true });
  return () => {
    window.removeEventListener('load', settle);
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
