// @vitest-environment happy-dom
import { cleanup, render } from '@solidjs/testing-library';
import { createSignal, Show } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_UNDO } from './doc-undo';
import { type PendingWrites, PendingWritesProvider, usePendingWrites } from './pending-writes';
import { createScreenUndo, ScreenUndoProvider } from './screen-undo';
import { type ScreenSession, type ScreenSessionOptions, useScreenSession } from './use-screen-session';

afterEach(cleanup);

/** A session whose open the test settles by hand, and which records what the hook did with it. */
function fakeSession() {
  let saved = 0;
  let closed = 0;
  let canUndo = false;
  const session = {
    ...NO_UNDO,
    canUndo: () => canUndo,
    undo: () => {
      canUndo = false;
    },
    whenSaved: async () => {
      saved += 1;
    },
    close: async () => {
      closed += 1;
    },
  };
  return {
    session,
    allowUndo: () => {
      canUndo = true;
    },
    saved: () => saved,
    closed: () => closed,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The hook mounted inside the app's providers, behind a switch that takes the screen away. */
function mount<S extends { whenSaved(): Promise<void>; close(): Promise<void> }>(
  open: () => Promise<S>,
  options?: ScreenSessionOptions,
) {
  const screenUndo = createScreenUndo(NO_UNDO);
  const [shown, setShown] = createSignal(true);
  let opening: ScreenSession<S> | undefined;
  let pending: PendingWrites | undefined;
  const Screen = () => {
    opening = useScreenSession(open, options);
    return null;
  };
  const Probe = () => {
    pending = usePendingWrites();
    return null;
  };
  render(() => (
    <PendingWritesProvider>
      <ScreenUndoProvider value={screenUndo}>
        <Probe />
        <Show when={shown()}>
          <Screen />
        </Show>
      </ScreenUndoProvider>
    </PendingWritesProvider>
  ));
  if (!opening || !pending) throw new Error('screen not mounted');
  return { opening, pending, screenUndo, leave: () => setShown(false) };
}

describe('useScreenSession', () => {
  it('waits for the open session’s writes and shows its undo until the screen goes, then closes it', async () => {
    const fake = fakeSession();
    const { opening, pending, screenUndo, leave } = mount(async () => fake.session);
    await Promise.resolve();
    await Promise.resolve();
    expect(opening.session()).toBe(fake.session);
    fake.allowUndo();
    expect(screenUndo.canUndo()).toBe(true);
    await pending.whenAllSaved();
    expect(fake.saved()).toBe(1);

    leave();
    expect(fake.closed()).toBe(1);
    expect(screenUndo.canUndo()).toBe(false);
    await pending.whenAllSaved();
    expect(fake.saved()).toBe(1);
  });

  it('closes a session that opens after the screen has gone, and never registers it', async () => {
    const fake = fakeSession();
    const late = deferred<typeof fake.session>();
    const { opening, pending, leave } = mount(() => late.promise);
    leave();
    late.resolve(fake.session);
    await late.promise;
    await Promise.resolve();
    expect(fake.closed()).toBe(1);
    expect(opening.session()).toBeUndefined();
    await pending.whenAllSaved();
    expect(fake.saved()).toBe(0);
  });

  it('says it failed, and opens on retry', async () => {
    const fake = fakeSession();
    const first = deferred<typeof fake.session>();
    let calls = 0;
    const { opening } = mount(() => {
      calls += 1;
      return calls === 1 ? first.promise : Promise.resolve(fake.session);
    });
    first.reject(new Error('IndexedDB blocked'));
    await first.promise.catch(() => undefined);
    await Promise.resolve();
    expect(opening.failed()).toBe(true);
    opening.retry();
    expect(opening.failed()).toBe(false);
    await Promise.resolve();
    await Promise.resolve();
    expect(opening.session()).toBe(fake.session);
  });

  it('keeps a session’s undo off the header when asked', async () => {
    const fake = fakeSession();
    const { opening, screenUndo } = mount(async () => fake.session, { undo: 'none' });
    await Promise.resolve();
    await Promise.resolve();
    expect(opening.session()).toBe(fake.session);
    fake.allowUndo();
    expect(screenUndo.canUndo()).toBe(false);
  });
});
