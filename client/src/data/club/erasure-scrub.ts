import type { ClubId, MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import { markScrubbed, scrubsPending } from '../../device/pending-scrub';
import { enErasure } from '../../i18n/en-erasure';
import { savedLocale } from '../../i18n/i18n-context';
import { viErasure } from '../../i18n/vi-erasure';
import { scrubAfterDeletion } from '../../sync/tablet-scrub';
import { compactStoredDoc } from '../../sync/tablet-store';
import { showToast } from '../../ui/toast/toast';
import { careStorageName } from '../care/care-session';
import { healthStorageName } from '../health/health-session';
import { moneyStorageName } from '../money/money-session';
import type { ClubSession } from './club-session';
import { storageNameFor } from './club-session';
import { eraseInSiblingDocs } from './erase-member';
import { openClub } from './open-clubs';

/**
 * After an erasure (made here, or received from another tablet by sync), the erased member's old rows must
 * leave this tablet's IndexedDB files, not only its databases (issue 12 §2). Blanking writes new rows; the
 * old ones go when the tablet store folds a doc's rows into one snapshot, and their bytes leave the files
 * only once LevelDB compacts them away (sync/tablet-scrub.ts says why and how). So, once per erasure, in
 * the background: the erasure is made in the health, money and care docs (as eraseMember does), every
 * affected doc's rows are folded now, then the scrub's filler is written. What is owed is derived from the
 * club doc's erased ids and the device's record of scrubbed ones (device/pending-scrub.ts): a tablet closed
 * mid-way does it again at the club's next open, which is safe.
 */

/** The runs under way, one per club: an erasure that lands during one is scrubbed by the next. */
const running = new Map<string, { again: boolean; done: Promise<void> }>();

/** Scrubs what the club's erasures still owe on this tablet; resolves once nothing is owed (or it failed). */
export function scrubErasures(club: ClubSession, clubDoc: Y.Doc): Promise<void> {
  const current = running.get(club.clubId);
  if (current) {
    current.again = true;
    return current.done;
  }
  const run = { again: false, done: Promise.resolve() };
  run.done = (async () => {
    try {
      do {
        run.again = false;
        const owed = scrubsPending(club.clubId, model.erasedMemberIds(clubDoc));
        if (owed.length === 0) break;
        // A doc holding updates Yjs cannot apply yet is not folded, so its old rows (erased bytes with
        // them) stay: the scrub stays owed, redone at the next erasure that lands or the club's next open,
        // by when the relay has usually filled the gap.
        if (await scrubOnce(club)) markScrubbed(club.clubId, owed);
        else break;
      } while (run.again);
    } catch {
      // The erased data is gone from every screen and from the relay; only this tablet's files may still
      // hold old bytes. Nothing is marked done, so the next open tries again.
      showToast((savedLocale() === 'en' ? enErasure : viErasure).scrubFailed, 'info');
    } finally {
      running.delete(club.clubId);
    }
  })();
  running.set(club.clubId, run);
  return run.done;
}

/** eraseMember's follow-up: the scrub when the club's doc is open here (it is, on the member's page). */
export function scrubAfterErasure(club: ClubSession): Promise<void> {
  const open = openClub(club.clubId);
  return open === undefined ? eraseInSiblingDocs(club) : scrubErasures(club, open.doc);
}

/** Resolves whether every affected doc was folded (see scrubErasures). */
async function scrubOnce(club: ClubSession): Promise<boolean> {
  await eraseInSiblingDocs(club);
  await club.whenSaved();
  const clubId = club.clubId as ClubId;
  const affected = [storageNameFor(clubId)];
  if (club.canOpen(model.healthDocName(clubId))) affected.push(healthStorageName(clubId));
  if (club.canOpen(model.moneyDocName(clubId))) affected.push(moneyStorageName(clubId));
  if (club.canOpen(model.careDocName(clubId))) affected.push(careStorageName(clubId));
  // Folded first, then the filler (scrubAfterDeletion says why this order). None of these docs keeps
  // history (only minutes do, and their rewrite scrubs them: minutes-generation.ts).
  let folded = true;
  for (const name of affected) if (!(await compactStoredDoc(name, false))) folded = false;
  // The filler still runs: it scrubs the rows the other docs' folds deleted.
  await scrubAfterDeletion();
  return folded;
}

/**
 * Started by the club session after its first paint: scrubs what is owed now, then after every erasure
 * that lands in the club doc, from this tablet or another. Returns the stop.
 */
export function keepErasuresScrubbed(club: ClubSession, clubDoc: Y.Doc): () => Promise<void> {
  // The model's watch on erased records (keepErased) tells us when one appears; this "eraser" writes
  // nothing, so it needs an origin of its own only to satisfy the watch.
  const watch = model.erasureOrigin({ id: 'scrub', name: 'scrub' });
  const stop = model.keepErased(
    clubDoc,
    clubDoc,
    (_doc, members: ReadonlySet<MemberId>) => {
      if (scrubsPending(club.clubId, members).length > 0) void scrubErasures(club, clubDoc);
      return { ok: true, value: 0 };
    },
    watch,
  );
  // The club's close waits for a scrub under way: its docs are closed only after it let go of them.
  return async () => {
    stop();
    await running.get(club.clubId)?.done;
  };
}
