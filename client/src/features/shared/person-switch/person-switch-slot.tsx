import { createSignal, type JSX, lazy, onMount, Show } from 'solid-js';

const PersonSwitch = lazy(() => import('./person-switch'));

/**
 * The header's place for the person switch. Its code loads once the screen under it has painted, so the
 * roster's first scripts stay as small as before (issue 11): a frame, then the import.
 */
export function PersonSwitchSlot(): JSX.Element {
  const [painted, setPainted] = createSignal(false);
  onMount(() => requestAnimationFrame(() => setPainted(true)));
  return (
    <Show when={painted()}>
      <PersonSwitch />
    </Show>
  );
}
