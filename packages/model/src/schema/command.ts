import type * as Y from 'yjs';
import { err, type Result } from '../ids/ids';
import type { ChangeOrigin } from '../origin/origin';
import { isReadOnly } from './migrations';

/** Expected failures are values; the client turns `type` and field errors into i18n text. */

export type FieldError =
  | 'required'
  | 'tooLong'
  | 'birthYearRange'
  | 'phoneFormat'
  | 'dateFormat'
  | 'dateInFuture'
  | 'timeFormat'
  | 'numberRange'
  /** A lower bound at or above its upper bound (e.g. a low threshold not below the high one). */
  | 'numberOrder';

export type ValidationError = {
  readonly type: 'invalid';
  readonly fields: Readonly<Record<string, FieldError>>;
};
export type NotFoundError = { readonly type: 'notFound'; readonly id: string };
export type ReadOnlyError = { readonly type: 'readOnly' };
export type CommandError = ValidationError | NotFoundError | ReadOnlyError;

export function invalid(fields: Readonly<Record<string, FieldError>>): ValidationError {
  return { type: 'invalid', fields };
}

export function notFound(id: string): { readonly ok: false; readonly error: NotFoundError } {
  return err({ type: 'notFound', id });
}

/** Collects field errors; `done()` gives null when every field passed. */
export class FieldErrors {
  readonly #fields: Record<string, FieldError> = {};

  add(field: string, error: FieldError | null): void {
    if (error !== null && this.#fields[field] === undefined) this.#fields[field] = error;
  }

  done(): ValidationError | null {
    return Object.keys(this.#fields).length === 0 ? null : invalid({ ...this.#fields });
  }
}

/**
 * Runs one command: refuses on a doc from a newer schema, then does all writes in ONE transaction
 * so a peer never sees half a command and undo treats it as one step. `body` must check everything
 * before its first write: a failure result after a write would leave a partial change behind.
 */
export function runCommand<T>(
  doc: Y.Doc,
  origin: ChangeOrigin,
  body: () => Result<T, ValidationError | NotFoundError>,
): Result<T, CommandError> {
  if (isReadOnly(doc)) return err({ type: 'readOnly' });
  return transactCommand(doc, origin, body);
}

/** The shared part of every document's command runner, once its own guards have passed. */
export function transactCommand<T>(
  doc: Y.Doc,
  origin: ChangeOrigin,
  body: () => Result<T, ValidationError | NotFoundError>,
): Result<T, ValidationError | NotFoundError> {
  let result: Result<T, ValidationError | NotFoundError> | undefined;
  doc.transact(() => {
    result = body();
  }, origin);
  if (result === undefined) throw new Error('command body did not return a result');
  return result;
}
