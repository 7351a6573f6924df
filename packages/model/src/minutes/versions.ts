import * as v from 'valibot';
import * as Y from 'yjs';
import { err, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, type NotFoundError, notFound } from '../schema/command';
import { checkRequiredText, MAX_TEXT } from '../schema/field-checks';
import { type MinutesError, runMinutesCommand, versionsArray } from './minutes-layout';
import { dateTime, VersionValue } from './minutes-schemas';
import type { IsoDateTime, MinutesView } from './minutes-types';
import { readMinutes } from './read-minutes';

/**
 * History: a version is a Yjs snapshot (state vector + delete set, a few hundred bytes) with who and
 * when. Rebuilding it needs the deleted items, hence gc off on minutes docs (createMinutesDoc).
 */

export interface CaptureVersionInput {
  /** Author id (LocalOrigin.author.id) or member id of who saved the version. */
  by: string;
  at: IsoDateTime;
  label: string;
}

/** Saving a version is allowed on approved minutes: it records, it does not edit. */
export function captureVersion(
  doc: Y.Doc,
  input: CaptureVersionInput,
  origin: LocalOrigin,
): Result<number, MinutesError> {
  const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
  return runMinutesCommand(
    doc,
    origin,
    () => {
      const errors = new FieldErrors();
      errors.add('by', checkRequiredText(input.by, MAX_TEXT));
      if (!v.is(dateTime, input.at)) errors.add('at', 'dateFormat');
      errors.add('label', input.label.trim().length > MAX_TEXT ? 'tooLong' : null);
      const error = errors.done();
      if (error !== null) return err(error);
      const versions = versionsArray(doc);
      versions.push([{ by: input.by, at: input.at, label: input.label.trim(), snapshot }]);
      return ok(versions.length - 1);
    },
    { allowWhenApproved: true },
  );
}

/** Rebuilds the doc as it was at a snapshot; throws on a gc-enabled doc (a bug: use createMinutesDoc). */
export function docAtSnapshot(doc: Y.Doc, encoded: Uint8Array): Y.Doc {
  if (doc.gc) throw new Error('minutes docs must be created with createMinutesDoc() (gc: false)');
  return Y.createDocFromSnapshot(doc, Y.decodeSnapshot(encoded), new Y.Doc({ gc: false }));
}

/** A read-only view of the minutes as saved in version `index` (from listVersions). */
export function readVersion(doc: Y.Doc, index: number): Result<MinutesView, NotFoundError> {
  const parsed = v.safeParse(VersionValue, versionsArray(doc).toArray()[index]);
  if (!parsed.success) return notFound(String(index));
  return ok(readMinutes(docAtSnapshot(doc, parsed.output.snapshot)));
}
