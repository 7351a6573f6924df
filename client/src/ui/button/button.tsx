import { Button as KButton } from '@kobalte/core/button';
import { type JSX, splitProps } from 'solid-js';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

export interface ButtonProps extends Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: ButtonVariant;
  type?: 'button' | 'submit';
}

export function Button(props: ButtonProps): JSX.Element {
  const [local, rest] = splitProps(props, ['variant', 'class', 'type']);
  return (
    <KButton
      type={local.type ?? 'button'}
      class={`btn btn-${local.variant ?? 'secondary'} ${local.class ?? ''}`}
      {...rest}
    />
  );
}
