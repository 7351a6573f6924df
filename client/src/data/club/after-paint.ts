/** What a deferred start hands back: how to stop what it started, or null when it started nothing. */
export type Stop = () => unknown;

/** Longest wait for a frame: a hidden tab paints none, and its deferred work must still start. */
const FRAME_WAIT_MS = 1000;

/**
 * Starts `start` once the screen that was being built has painted (the frame after this call, or at
 * most a second later), so the code it loads and runs is off the first paint's path: the roster's first
 * scripts hold only what paints it. Returns the stop for a session's close: a start that has not begun
 * never begins, one under way is awaited and then stopped. A start that fails stops nothing (what it
 * would have kept is derived or caught up at the next open).
 */
export function startAfterPaint(start: (closed: () => boolean) => Promise<Stop | null>): () => Promise<void> {
  let closed = false;
  let begin = () => {};
  const gate = new Promise<void>((resolve) => {
    begin = resolve;
  });
  const timer = setTimeout(begin, FRAME_WAIT_MS);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(begin, 0));
  const started = gate
    .then(() => {
      clearTimeout(timer);
      return closed ? null : start(() => closed);
    })
    .catch(() => null);
  return async () => {
    closed = true;
    begin();
    const stop = await started;
    await stop?.();
  };
}
