import type * as Y from 'yjs';
import { clearVisitAttachments, listMembersVisits } from '../care/care-attachments';
import { pairingKey, pairingsMap, parsePairingKey, runCareCommand, visitsMap } from '../care/care-layout';
import { eraseMemberHealthData } from '../health/health-commands';
import { type MemberId, ok, type Result } from '../ids/ids';
import {
  entriesArray,
  entryPosition,
  loansMap,
  type MoneyError,
  runMoneyCommand,
  writeOffsMap,
} from '../money/money-layout';
import type { Author, LocalOrigin } from '../origin/origin';
import type { CommandError } from '../schema/command';
import { membersMap } from '../schema/layout';

/**
 * Erasure in the documents beside the club doc (Law 91/2025/QH15). Each function is idempotent and writes
 * only what still holds personal data, so running it again after every late write costs nothing when
 * there is nothing to blank.
 *
 * Money: the books keep each entry's amount, date, kind and member id. The law lets a club keep its
 * accounting records, and a fund's balance, a member's dues and a loan's repayments are computed from
 * them; the member id is a random id whose roster record now reads "Đã xóa", so it is the anonymous marker
 * and names no one. What people wrote about the member (an entry's note, a loan's purpose, a write-off's
 * note) is free text that may say anything about them: blanked.
 */

/** A session's erasures carry their own origin, never the author's: the author's undo does not track it. */
export function erasureOrigin(author: Author): LocalOrigin {
  return { type: 'local', author: { id: author.id, name: author.name } };
}

/** The members erased in a club doc: the ids every other document must keep blank. */
export function erasedMemberIds(clubDoc: Y.Doc): ReadonlySet<MemberId> {
  const out = new Set<MemberId>();
  for (const [id, record] of membersMap(clubDoc).entries()) {
    if (typeof record?.get === 'function' && record.get('erasedOn') != null) out.add(id as MemberId);
  }
  return out;
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Blanks the money book's free text about the given members. Returns the number of records changed. */
export function eraseMembersMoney(
  doc: Y.Doc,
  members: ReadonlySet<MemberId>,
  origin: LocalOrigin,
): Result<number, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    let changed = 0;
    const memberAt = entryPosition('memberId');
    const noteAt = entryPosition('note');
    const entries = entriesArray(doc);
    entries.toArray().forEach((tuple, index) => {
      if (!Array.isArray(tuple) || !members.has(tuple[memberAt] as MemberId)) return;
      if (tuple[noteAt] === '' || tuple[noteAt] == null) return;
      const blanked = [...tuple];
      blanked[noteAt] = '';
      // Same position, same id: readers keep the first of an id, and every tablet sees the same order.
      entries.delete(index, 1);
      entries.insert(index, [blanked]);
      changed++;
    });
    const loans = loansMap(doc);
    const erasedLoans = new Set<string>();
    for (const [loanId, loan] of loans.entries()) {
      if (!isPlain(loan) || !members.has(loan.memberId as MemberId)) continue;
      erasedLoans.add(loanId);
      if (loan.purpose === '' || loan.purpose == null) continue;
      loans.set(loanId, { ...loan, purpose: '' });
      changed++;
    }
    const writeOffs = writeOffsMap(doc);
    for (const [loanId, writeOff] of writeOffs.entries()) {
      if (!erasedLoans.has(loanId) || !isPlain(writeOff) || !writeOff.note) continue;
      writeOffs.set(loanId, { ...writeOff, note: '' });
      changed++;
    }
    return ok(changed);
  });
}

/**
 * Blanks the home-care book's notes about the given members: the pairing's note and every visit's note
 * where they were the one visited or the volunteer, and takes the photos off those visits (a photo of a
 * home visit shows the person and their home; the client drops the bytes too, listMembersVisitPhotos).
 * Who visited whom and when stays (ids only): the due list and the volunteers' counts are the club's own.
 */
export function eraseMembersCare(
  doc: Y.Doc,
  members: ReadonlySet<MemberId>,
  origin: LocalOrigin,
): Result<number, CommandError> {
  return runCareCommand(doc, origin, () => {
    let changed = 0;
    const pairings = pairingsMap(doc);
    const touched = new Set<string>();
    for (const [key, value] of pairings.entries()) {
      const parsed = parsePairingKey(key);
      const isPerson = parsed?.field === 'memberId' || parsed?.field === 'volunteerId';
      if (parsed !== null && isPerson && members.has(value as MemberId)) touched.add(parsed.pairingId);
    }
    for (const pairingId of touched) {
      const key = pairingKey(pairingId, 'note');
      if (pairings.has(key)) {
        pairings.delete(key);
        changed++;
      }
    }
    const visits = visitsMap(doc);
    for (const visitId of listMembersVisits(doc, members)) {
      changed += clearVisitAttachments(doc, visitId);
      const visit = visits.get(visitId);
      if (!isPlain(visit) || !visit.note) continue;
      visits.set(visitId, { ...visit, note: '' });
      changed++;
    }
    return ok(changed);
  });
}

/** Every health value of the given members (health-commands' own erasure, one member at a time). */
export function eraseMembersHealth(
  doc: Y.Doc,
  members: ReadonlySet<MemberId>,
  origin: LocalOrigin,
): Result<number, CommandError> {
  let changed = 0;
  for (const id of members) {
    const result = eraseMemberHealthData(doc, id, origin);
    if (!result.ok) return result;
    changed += result.value;
  }
  return ok(changed);
}
