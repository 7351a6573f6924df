import { type ClubId, type LocalOrigin, seedSampleClub } from '@chungtay/model';
import type * as Y from 'yjs';
import { todayIso } from '../../i18n/format';

/** Seeds the sample club into a fresh doc (create-club.ts loads this only when the sample is chosen). */
export function seedSample(doc: Y.Doc, origin: LocalOrigin): { readonly ok: true; readonly value: ClubId } {
  return { ok: true, value: seedSampleClub(doc, origin, todayIso()) };
}
