import type { Author, ClubView } from '@chungtay/model';
import type { AccessChanges } from '../session/club-doc-link';
import { browserIdle, createSummaryKeeper } from './summary-keeper';
import { openSummarySession } from './summary-session';

export interface SummaryUpkeepInput {
  readonly clubId: string;
  readonly author: Author;
  /** The club session's store: the books the summary is computed from. */
  readonly club: ClubView;
  /** Only a committee (editor) key on a club this build understands writes the summary. */
  readonly canEdit: () => boolean;
  readonly accessChanges: AccessChanges;
  /** Subscribes to changes of the club's books (local and remote); returns the unsubscribe. */
  readonly onBooksChange: (listener: () => void) => () => void;
}

/**
 * Keeps `<clubId>/summary` following the club doc while the club is open on a committee tablet: opens
 * the summary session, recomputes when the books change (debounced, idle) and once at the start, so a
 * summary reaches the relay even when only the club was opened. Health and money figures are written
 * by tablets that hold those books open (they are left alone here). Returns the stop.
 */
export async function startSummaryUpkeep(input: SummaryUpkeepInput): Promise<() => Promise<void>> {
  const session = await openSummarySession(input.clubId, input.author, {
    canEditClub: input.canEdit,
    accessChanges: input.accessChanges,
  });
  const keeper = createSummaryKeeper({
    books: () =>
      input.canEdit() && input.club.id !== null ? { club: input.club, health: null, money: null } : null,
    write: (summary) => {
      session.commands.write(summary);
    },
    now: () => new Date().toISOString(),
    whenIdle: browserIdle,
    setTimer: (work, ms) => setTimeout(work, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  const unsubscribe = input.onBooksChange(keeper.changed);
  keeper.changed();
  return async () => {
    unsubscribe();
    keeper.stop();
    await session.close();
  };
}
