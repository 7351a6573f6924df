import * as Y from 'yjs';
import { err, ok, type Result } from '../ids/ids';
import { migrationOrigin } from '../origin/origin';
import {
  type FieldError,
  invalid,
  type NotFoundError,
  notFound,
  type ValidationError,
} from '../schema/command';
import { applyTextEdit, ensureText, readTextValue, type TextEdit } from './shared-text';

/**
 * A handle on one shared text field, for a text box bound to it: the box reads `value()`, sends each
 * local edit as `applyDelta(index, deleteCount, insert)` (never the whole text), and is told of every
 * other change with the ops it made, so it can keep its caret where the writer left it.
 * The UI never sees Yjs: this is everything it gets.
 */

/** What changed in a field, in Yjs's delta form over plain values; null when the field was replaced whole. */
export type TextOp = { readonly retain: number } | { readonly insert: string } | { readonly delete: number };
export type TextChange = readonly TextOp[] | null;

export interface TextFieldHandle<E> {
  value(): string;
  /** One edit typed here; refused (nothing written) when too long, approved, read-only or gone. */
  applyDelta(index: number, deleteCount: number, insert: string): Result<void, E>;
  /** Changes not made through this handle (other tablets, undo); returns the unsubscribe. */
  subscribe(listener: (change: TextChange) => void): () => void;
}

export interface TextFieldTarget {
  readonly record: Y.Map<unknown>;
  readonly key: string;
  /** Names the field for its deterministic conversion (see shared-text.ts), e.g. `agendaItems/<id>`. */
  readonly scope: string;
}

export interface TextFieldOptions<E> {
  readonly doc: Y.Doc;
  /** Finds the record now (it may be replaced or removed by a peer while the box is open). */
  readonly locate: () => TextFieldTarget | undefined;
  readonly maxLength: number;
  /** The field's name in the record's `FieldError`s. */
  readonly field: string;
  /** Runs the edit as a command (the doc's read-only and approval guards, one transaction, its origin). */
  readonly run: (body: () => Result<void, ValidationError | NotFoundError>) => Result<void, E>;
  /** The origin `run` writes with: its changes are the box's own and are not echoed back to it. */
  readonly origin: unknown;
}

export function openTextField<E>(options: TextFieldOptions<E>): TextFieldHandle<E> {
  const { doc } = options;
  const value = () => {
    const target = options.locate();
    return target === undefined ? '' : (readTextValue(target.record.get(target.key)) ?? '');
  };
  return {
    value,
    applyDelta(index, deleteCount, insert) {
      const target = options.locate();
      if (target === undefined) return options.run(() => notFound(options.field));
      const edit = { index, deleteCount, insert };
      const refuse = () => err(invalid({ [options.field]: 'tooLong' satisfies FieldError }));
      if (tooLong(value(), edit, options.maxLength)) return options.run(refuse);
      // A field still holding a plain string is converted first, in its own transaction as a migration:
      // the conversion is nobody's edit, so undo never turns the field back into a string.
      if (!(target.record.get(target.key) instanceof Y.Text)) {
        const refused = options.run(() => ok(undefined));
        if (!refused.ok) return refused;
        doc.transact(
          () => ensureText(target.record, target.key, target.scope),
          migrationOrigin('text-field'),
        );
      }
      return options.run(() => {
        const text = target.record.get(target.key);
        if (!(text instanceof Y.Text)) return notFound(options.field);
        if (tooLong(text.toString(), edit, options.maxLength)) return refuse();
        applyTextEdit(text, edit);
        return ok(undefined);
      });
    },
    subscribe(listener) {
      let record: Y.Map<unknown> | undefined;
      let text: Y.Text | undefined;
      const onText = (event: Y.YTextEvent, transaction: Y.Transaction) => {
        if (transaction.origin === options.origin) return;
        listener(event.delta.map(toOp));
      };
      const onRecord = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
        const target = options.locate();
        if (target === undefined || !event.keysChanged.has(target.key)) return;
        attachText();
        if (transaction.origin !== options.origin) listener(null);
      };
      const attachText = () => {
        text?.unobserve(onText);
        const target = options.locate();
        const current = target?.record.get(target.key);
        text = current instanceof Y.Text ? current : undefined;
        text?.observe(onText);
      };
      const attach = () => {
        record?.unobserve(onRecord);
        record = options.locate()?.record;
        record?.observe(onRecord);
        attachText();
      };
      attach();
      return () => {
        record?.unobserve(onRecord);
        text?.unobserve(onText);
      };
    },
  };
}

function tooLong(current: string, edit: TextEdit, max: number): boolean {
  const removed = Math.max(0, Math.min(edit.deleteCount, current.length - edit.index));
  const next = current.length - removed + edit.insert.length;
  // Deleting from a text already over the limit (merged from two writers) is always allowed.
  return edit.insert.length > 0 && next > max;
}

function toOp(op: { insert?: unknown; retain?: number | undefined; delete?: number | undefined }): TextOp {
  if (typeof op.insert === 'string') return { insert: op.insert };
  if (op.delete !== undefined) return { delete: op.delete };
  return { retain: op.retain ?? 0 };
}
