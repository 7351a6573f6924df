import type { Author, ClubId, ClubKind, ClubView, IsoDate } from '@chungtay/model';
import * as model from '@chungtay/model';
import { todayIso } from '../../i18n/format';
import { openHealthSession } from '../health/health-session';
import { type MoneySession, openMoneySession } from '../money/money-session';
import type { AccessChanges } from '../session/club-doc-link';
import {
  browserIdle,
  createSummaryKeeper,
  type OpenedBooks,
  type SummaryKeeperOptions,
} from './summary-keeper';
import { openSummarySession } from './summary-session';

export interface SummaryUpkeepInput {
  readonly clubId: string;
  readonly author: Author;
  /** The club session's store: the books the summary is computed from. */
  readonly club: ClubView;
  /** Only a committee (editor) key on a club this build understands writes the summary. */
  readonly canEdit: () => boolean;
  /**
   * `ClubSession.canOpen`: the relay's rule for the committee-only health and money docs. When not
   * given, `canEdit` answers: the club session passes an editor key's answer there, and an editor key is
   * exactly what `canOpen` asks of a private doc.
   */
  readonly canOpen?: (documentName: string) => boolean;
  readonly accessChanges: AccessChanges;
  /** Subscribes to changes of the club's books (local and remote); returns the unsubscribe. */
  readonly onBooksChange: (listener: () => void) => () => void;
  /** The scheduler; the browser's idle time and timers unless a test gives its own. */
  readonly schedule?: Pick<SummaryKeeperOptions, 'whenIdle' | 'setTimer' | 'clearTimer' | 'quietMs' | 'now'>;
}

/**
 * The money book, held from the first idle moment after the club opened until the club closes: through
 * `openMoneySession`, so the "Quỹ" screen reuses this open book instead of reading it again. Null when
 * this tablet may not open it (a viewer key) or it failed to open (its figures are then left as another
 * tablet wrote them).
 */
function holdMoney(input: SummaryUpkeepInput, whenIdle: (work: () => void) => () => void) {
  const canOpen = input.canOpen ?? (() => input.canEdit());
  let money: Promise<MoneySession | null> | null = null;
  const open = (): Promise<MoneySession | null> => {
    if (money !== null) return money;
    const clubId = input.clubId as ClubId;
    money =
      input.canEdit() && input.club.id !== null && canOpen(model.moneyDocName(clubId))
        ? openMoneySession(input.clubId, input.club.profile.kind as ClubKind, input.author, {
            canEditClub: input.canEdit,
            accessChanges: input.accessChanges,
          }).catch(() => {
            money = null;
            return null;
          })
        : null;
    // Not yet allowed (a key still loading): asked again at the next recomputation.
    return money ?? Promise.resolve(null);
  };
  let cancel = whenIdle(() => {
    void open().then((session) => {
      // Every loan's state for today, in the next idle moment, into the session's cache: what the funds
      // screen computes first, so tapping "Quỹ" finds it done (a loan keeps its state until its entries change).
      if (session !== null && !released)
        cancel = whenIdle(() => void session.loanStates(todayIso() as IsoDate));
    });
  });
  let released = false;
  return {
    open,
    async release() {
      released = true;
      cancel();
      await (await money)?.close();
    },
  };
}

/**
 * Opens the health book this tablet may open, for one recomputation, through its session (which reads
 * the stored copy and follows the relay while open), beside the held money book. A book that fails to
 * open stays null, so its figures are left as another tablet wrote them rather than written as zero.
 */
function privateBooksOpener(
  input: SummaryUpkeepInput,
  money: () => Promise<MoneySession | null>,
): () => Promise<OpenedBooks | null> {
  const canOpen = input.canOpen ?? (() => input.canEdit());
  return async () => {
    const clubId = input.clubId as ClubId;
    if (!input.canEdit() || input.club.id === null) return null;
    const options = { canEditClub: input.canEdit, accessChanges: input.accessChanges };
    const [health, moneyBook] = await Promise.all([
      canOpen(model.healthDocName(clubId))
        ? openHealthSession(input.clubId, input.author, options).catch(() => null)
        : null,
      money(),
    ]);
    return {
      health: health?.view ?? null,
      money: moneyBook?.view ?? null,
      async close() {
        await health?.close();
      },
    };
  };
}

/**
 * Keeps `<clubId>/summary` following the books while the club is open on a committee tablet: opens
 * the summary session, recomputes when the club's books change (debounced, idle) and once at the
 * start, so a summary reaches the relay even when only the club was opened. When `canOpen` allows the
 * health and money docs, their figures are written too without the roster waiting for them: each
 * recomputation opens the health book and closes it after; the money book is opened once in idle time
 * and held, shared with the money screens, until the stop. Returns the stop.
 */
export async function startSummaryUpkeep(input: SummaryUpkeepInput): Promise<() => Promise<void>> {
  const session = await openSummarySession(input.clubId, input.author, {
    canEditClub: input.canEdit,
    accessChanges: input.accessChanges,
  });
  const whenIdle = input.schedule?.whenIdle ?? browserIdle;
  const money = holdMoney(input, whenIdle);
  const keeper = createSummaryKeeper({
    books: () =>
      input.canEdit() && input.club.id !== null ? { club: input.club, health: null, money: null } : null,
    openBooks: privateBooksOpener(input, money.open),
    write: (summary) => {
      session.commands.write(summary);
    },
    now: () => new Date().toISOString(),
    whenIdle: browserIdle,
    setTimer: (work, ms) => setTimeout(work, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    ...input.schedule,
  });
  const unsubscribe = input.onBooksChange(keeper.changed);
  keeper.changed();
  return async () => {
    unsubscribe();
    await keeper.stop();
    await money.release();
    await session.close();
  };
}
