import type { JSX } from 'solid-js';
import { TextField } from '../../ui/text-field/text-field';
import { readAmount } from './amount-input';
import { useMoneyI18n } from './money-i18n';

/**
 * A field for đồng that keeps exactly what was typed ("1,5 triệu" stays "1,5 triệu") and says how it
 * reads ("Hiểu là 1.500.000 đ") as soon as it reads as an amount, so a slip shows before it is saved.
 * The parent judges the text on submit with `readAmount` and passes the refusal as `error`.
 */
export function AmountField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  hint?: string;
  name?: string;
  autofocus?: boolean;
  readOnly?: boolean;
  class?: string;
}): JSX.Element {
  const i18n = useMoneyI18n();
  const description = () => {
    const reading = readAmount(props.value);
    const understood =
      reading.ok && props.value.trim() !== ''
        ? i18n.m('amount.understood', { amount: i18n.dong(reading.value) })
        : '';
    return [understood, props.hint ?? ''].filter((s) => s !== '').join(' · ');
  };
  return (
    <TextField
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      description={description()}
      inputMode="text"
      name={props.name ?? ''}
      autofocus={props.autofocus ?? false}
      readOnly={props.readOnly ?? false}
      class={`amount-field ${props.class ?? ''}`}
    />
  );
}
