import type { JSX } from 'solid-js';
import { isMeasureComplete, type Measure } from './measure-text';

/**
 * One number of one member: a plain input (a row has four and the screen up to 70 rows, so no field
 * component per input) with the numeric keypad. Enter moves on, and a blood-pressure value moves on by
 * itself once no further digit could still make a reading. What was typed is committed by the row when
 * the field loses focus, which moving on does.
 */
export function MeasureField(props: {
  measure: Measure;
  label: string;
  text: string;
  onText: (text: string) => void;
  onLeave: (next: Element | null) => void;
  onNext: (from: HTMLInputElement) => void;
  flag: 'high' | 'low' | null;
  invalid: boolean;
  /** An approved meeting's value (or a tablet that may not edit): shown, not typed into. */
  readOnly: boolean;
}): JSX.Element {
  const decimal = props.measure === 'weightKg' || props.measure === 'glucoseMmol';
  return (
    <input
      class="measure-input"
      classList={{ 'measure-high': props.flag === 'high', 'measure-low': props.flag === 'low' }}
      data-measure={props.measure}
      aria-label={props.label}
      aria-invalid={props.invalid ? 'true' : undefined}
      type="text"
      inputMode={decimal ? 'decimal' : 'numeric'}
      enterkeyhint="next"
      autocomplete="off"
      maxLength={6}
      readOnly={props.readOnly}
      value={props.text}
      onInput={(event) => {
        const input = event.currentTarget;
        props.onText(input.value);
        // Only on typing: deleting down to "95" must not throw the caret into the next field.
        const typed = (event as InputEvent).inputType?.startsWith('insert') ?? false;
        if (typed && isMeasureComplete(props.measure, input.value)) props.onNext(input);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        props.onNext(event.currentTarget);
      }}
      onFocus={(event) => event.currentTarget.select()}
      onBlur={(event) => props.onLeave(event.relatedTarget as Element | null)}
    />
  );
}
