/**
 * One open session per key (a club's money book) for everyone who reads it while the club is open: the
 * supervisors' summary upkeep opens the book in idle time after the roster paints and holds it until the
 * club closes, so tapping "Quỹ" finds it already read and decoded (1.25 MB, 7,600 entries after five busy
 * years) instead of reading it from IndexedDB then; the minutes, the report and an erasure take the same
 * open book, so an entry written through one is seen at once by the others, offline too. Each opener gets
 * its own handle; the session closes when the last handle is closed, so the doc is never held twice in
 * memory nor kept after everyone let go. The first opener's options serve the others: every opener is the
 * same club session's (its author, its editor rule, its access changes).
 */
export function shareSessions<S extends { close(): Promise<void> }, A extends unknown[]>(
  open: (key: string, ...rest: A) => Promise<S>,
): (key: string, ...rest: A) => Promise<S> {
  const held = new Map<string, { readonly opening: Promise<S>; holders: number }>();
  return (key, ...rest) => {
    let entry = held.get(key);
    if (entry === undefined) {
      const fresh = { opening: open(key, ...rest), holders: 0 };
      entry = fresh;
      held.set(key, fresh);
      // A session that failed to open is not kept: the next opener (a screen's "Thử lại") tries again.
      fresh.opening.catch(() => {
        if (held.get(key) === fresh) held.delete(key);
      });
    }
    const mine = entry;
    mine.holders += 1;
    return mine.opening.then(
      (session) => {
        let closed = false;
        return {
          ...session,
          async close() {
            if (closed) return;
            closed = true;
            mine.holders -= 1;
            if (mine.holders > 0) return;
            // Forgotten first, so an opener arriving while it closes opens a new one, not a closed one.
            if (held.get(key) === mine) held.delete(key);
            await session.close();
          },
        };
      },
      (error: unknown) => {
        mine.holders -= 1;
        throw error;
      },
    );
  };
}
