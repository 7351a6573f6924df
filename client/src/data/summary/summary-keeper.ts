import type { ClubSummary, ClubView, HealthView, MoneyView } from '@chungtay/model';
import { computeSummary } from '@chungtay/model';

/** The books a recomputation reads; health and money are null when this tablet has not opened them. */
export interface SummaryBooks {
  readonly club: ClubView;
  readonly health: HealthView | null;
  readonly money: MoneyView | null;
}

export interface SummaryKeeperOptions {
  /** The books now, or null while they cannot be read (not loaded, a newer schema). */
  readonly books: () => SummaryBooks | null;
  /** Writes the figures (the summary session's command); it writes only those that changed. */
  readonly write: (summary: ClubSummary) => void;
  readonly now: () => string;
  /** Runs `work` when the tablet is idle; returns a cancel. */
  readonly whenIdle: (work: () => void) => () => void;
  readonly setTimer: (work: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  /** Quiet time after the last change before recomputing: a meeting's roll call is one recomputation. */
  readonly quietMs?: number;
  /**
   * Opens the committee's private books for one recomputation and closes them after (`close`), so a
   * tablet holds the health and money docs only while it reads them. Null: this tablet has none.
   */
  readonly openBooks?: () => Promise<OpenedBooks | null>;
}

/** Health and money books opened for one recomputation; `close` releases them. */
export interface OpenedBooks {
  readonly health: HealthView | null;
  readonly money: MoneyView | null;
  close(): Promise<void>;
}

export interface SummaryKeeper {
  /** The books changed: recompute once they have been quiet for a while, when the tablet is idle. */
  changed(): void;
  /** Stops; resolves once a recomputation under way has closed the books it opened. */
  stop(): Promise<void>;
}

/**
 * Keeps the summary document following the books on a committee tablet, off the screens' critical path:
 * debounced (many changes, one recomputation) and run in idle time, never while a screen paints.
 */
export function createSummaryKeeper(options: SummaryKeeperOptions): SummaryKeeper {
  const quietMs = options.quietMs ?? 4000;
  let timer: unknown = null;
  let cancelIdle: (() => void) | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const withPrivateBooks = async (openBooks: NonNullable<SummaryKeeperOptions['openBooks']>) => {
    const opened = await openBooks().catch(() => null);
    try {
      const books = stopped ? null : options.books();
      if (books === null) return;
      options.write(
        computeSummary(
          books.club,
          opened?.health ?? books.health,
          opened?.money ?? books.money,
          options.now(),
        ),
      );
    } finally {
      await opened?.close().catch(() => undefined);
    }
  };
  const recompute = () => {
    cancelIdle = null;
    if (stopped) return;
    const openBooks = options.openBooks;
    if (openBooks !== undefined) {
      // One recomputation at a time, so the private books are never opened twice at once.
      running = running.then(() => withPrivateBooks(openBooks)).catch(() => undefined);
      return;
    }
    const books = options.books();
    if (books === null) return;
    options.write(computeSummary(books.club, books.health, books.money, options.now()));
  };
  return {
    changed() {
      if (stopped) return;
      if (timer !== null) options.clearTimer(timer);
      timer = options.setTimer(() => {
        timer = null;
        cancelIdle?.();
        cancelIdle = options.whenIdle(recompute);
      }, quietMs);
    },
    async stop() {
      stopped = true;
      if (timer !== null) options.clearTimer(timer);
      cancelIdle?.();
      await running;
    },
  };
}

/** The browser's idle scheduler, with a timeout so a busy tablet still recomputes within a few seconds. */
export function browserIdle(work: () => void): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const id = globalThis.requestIdleCallback(work, { timeout: 5000 });
    return () => globalThis.cancelIdleCallback(id);
  }
  const id = setTimeout(work, 1000);
  return () => clearTimeout(id);
}
