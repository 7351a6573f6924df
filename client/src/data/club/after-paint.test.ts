import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAfterPaint } from './after-paint';

afterEach(() => vi.useRealTimers());

/** Lets the frame callbacks and timers due so far run, and the promises they settle. */
async function nextFrame(): Promise<void> {
  await vi.advanceTimersByTimeAsync(1100);
}

describe('startAfterPaint', () => {
  it('starts nothing until the frame after the call, then starts once and stops it at close', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const stopped = vi.fn();
    const start = vi.fn(async () => stopped);
    const stop = startAfterPaint(start);
    expect(start).not.toHaveBeenCalled();
    await nextFrame();
    expect(start).toHaveBeenCalledTimes(1);
    await stop();
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it('never starts what was closed before its frame, and the close does not wait for one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const start = vi.fn(async () => () => {});
    await startAfterPaint(start)();
    await nextFrame();
    expect(start).not.toHaveBeenCalled();
  });

  it('waits for a start under way at close, then stops what it started', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    let finish = () => {};
    const stopped = vi.fn();
    const stop = startAfterPaint(
      (closed) =>
        new Promise((resolve) => {
          finish = () => resolve(closed() ? stopped : null);
        }),
    );
    await nextFrame();
    const closing = stop();
    finish();
    await closing;
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it('a start that fails stops nothing and the close still resolves', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const stop = startAfterPaint(async () => {
      throw new Error('chunk failed to load');
    });
    await nextFrame();
    await expect(stop()).resolves.toBeUndefined();
  });
});
