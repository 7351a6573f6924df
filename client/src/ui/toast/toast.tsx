import { createSignal, type JSX, onCleanup, Show } from 'solid-js';
import { afterFirstScreen } from '../after-load/after-load';

export type ToastTone = 'info' | 'success' | 'error';

type Toasts = typeof import('./toast-region');

/**
 * Kobalte's toast code (about a sixth of the roster's first scripts) is not on the first paint's path: it
 * loads once the first screen is painted and the page idle, or with the first message if that comes sooner.
 */
let loading: Promise<Toasts> | undefined;
const [toasts, setToasts] = createSignal<Toasts>();
function load(): Promise<Toasts> {
  loading ??= import('./toast-region').then((module) => {
    setToasts(() => module);
    return module;
  });
  return loading;
}

/** Shows a message; the toast renders inside ToastRegion, under the app's I18nProvider. */
export function showToast(message: string, tone: ToastTone = 'success'): void {
  void load().then((module) => module.show(message, tone));
}

/** Where toasts show (announced politely); mounted once, in the app's shell. */
export function ToastRegion(): JSX.Element {
  onCleanup(afterFirstScreen(() => void load()));
  return (
    <Show when={toasts()}>
      {(module) => {
        const Region = module().Region;
        return <Region />;
      }}
    </Show>
  );
}
