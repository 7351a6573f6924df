import { type JSX, splitProps } from 'solid-js';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

export interface ButtonProps extends Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: ButtonVariant;
  type?: 'button' | 'submit';
}

/**
 * A native button with the app's look. Kobalte's Button added nothing a <button> lacks (it matters for
 * other elements acting as buttons), and it kept Kobalte's core in the roster's first script.
 */
export function Button(props: ButtonProps): JSX.Element {
  const [local, rest] = splitProps(props, ['variant', 'class', 'type']);
  return (
    <button
      type={local.type ?? 'button'}
      class={`btn btn-${local.variant ?? 'secondary'} ${local.class ?? ''}`}
      {...rest}
    />
  );
}
