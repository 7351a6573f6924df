import { describe, expect, it, vi } from 'vitest';
import { isMissingScreen, reloadWhenOnline } from './missing-screen';

describe('a screen that could not be fetched', () => {
  it("is told apart from the app's own errors, in each browser's words", () => {
    expect(
      isMissingScreen(
        new TypeError(
          'Failed to fetch dynamically imported module: http://127.0.0.1/assets/member-page-D0g.js',
        ),
      ),
    ).toBe(true);
    expect(isMissingScreen(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isMissingScreen(new TypeError('error loading dynamically imported module'))).toBe(true);
    expect(isMissingScreen(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(
      isMissingScreen(new Error('Unable to preload CSS for http://127.0.0.1/assets/conflict-list.css')),
    ).toBe(true);
    expect(isMissingScreen(new Error('Failed to fetch dynamically imported module'))).toBe(false);
    expect(isMissingScreen(new Error('Unable to read the club'))).toBe(false);
    expect(isMissingScreen('Failed to fetch dynamically imported module')).toBe(false);
  });

  it('reloads the page when the signal comes back, once, and not after it is stopped', () => {
    const target = new EventTarget();
    const reload = vi.fn();
    const win = Object.assign(target, { location: { reload } });
    const stop = reloadWhenOnline(win);
    target.dispatchEvent(new Event('online'));
    target.dispatchEvent(new Event('online'));
    expect(reload).toHaveBeenCalledTimes(1);
    const reloadAgain = vi.fn();
    const stopAgain = reloadWhenOnline(
      Object.assign(new EventTarget(), { location: { reload: reloadAgain } }),
    );
    stopAgain();
    expect(reloadAgain).not.toHaveBeenCalled();
    stop();
  });
});
