import 'fake-indexeddb/auto';
import type { Attachment } from '@chungtay/model';
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import { Suspense } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PhotoStore } from '../../device/photo-store';
import { TestPhotoRelay } from '../../device/photo-test-relay';
import { I18nProvider } from '../../i18n/i18n-context';
import { ClubPhotos } from './club-photos';
import { PhotoThumb } from './photo-thumb';

/** The screen as a test moves it: nothing is in view until `scrollTo` says so (happy-dom lays nothing out). */
let observed: { target: Element; report: (entries: { isIntersecting: boolean }[]) => void }[] = [];
class TestObserver {
  constructor(private readonly report: (entries: { isIntersecting: boolean }[]) => void) {}
  observe(target: Element) {
    observed.push({ target, report: this.report });
  }
  disconnect() {
    observed = observed.filter((each) => each.report !== this.report);
  }
}
const scrollTo = (hash: string) => {
  for (const each of observed.filter((o) => o.target.getAttribute('data-hash') === hash))
    each.report([{ isIntersecting: true }]);
};

let databases = 0;
beforeEach(() => {
  observed = [];
  vi.stubGlobal('IntersectionObserver', TestObserver);
  // fake-indexeddb hands back a clone happy-dom's URL does not take for a Blob; any URL will do here.
  let made = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${++made}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const attachment = (hash: string): Attachment => ({
  hash,
  kind: 'photo',
  contentType: 'image/jpeg',
  size: 3,
  width: 1600,
  height: 1200,
  caption: '',
  scope: 'club',
  byId: 'device-hoa',
  byName: 'Nguyễn Thị Hoa',
  at: '2026-03-05T08:00:00.000Z',
});

function setup() {
  const store = new PhotoStore(indexedDB, `thumb-test-${++databases}`);
  const relay = new TestPhotoRelay();
  return { store, relay, photos: new ClubPhotos('club-1', store, relay) };
}
const keep = (store: PhotoStore, hash: string) =>
  store.put({
    clubId: 'club-1',
    hash,
    contentType: 'image/jpeg',
    scope: 'club',
    size: 3,
    bytes: new Blob([new Uint8Array(3)], { type: 'image/jpeg' }),
    uploaded: false,
  });

function show(photos: ClubPhotos, hashes: string[]) {
  render(() => (
    <I18nProvider>
      <Suspense fallback={<p>suspended</p>}>
        {hashes.map((hash) => (
          <PhotoThumb photos={photos} attachment={attachment(hash)} waiting={false} />
        ))}
      </Suspense>
    </I18nProvider>
  ));
}
const stateOf = (hash: string) => document.querySelector(`[data-hash="${hash}"]`)?.getAttribute('data-state');

describe('PhotoThumb', () => {
  it('shows the photos kept on this tablet even below the screen, never saying they are not here', async () => {
    const { store, relay, photos } = setup();
    for (const hash of ['p1', 'p2', 'p3', 'p4', 'p5']) await keep(store, hash);
    show(photos, ['p1', 'p2', 'p3', 'p4', 'p5']);
    // Only the first row is in view, as on a tablet where the 4th photo starts the second row off screen.
    for (const hash of ['p1', 'p2', 'p3']) scrollTo(hash);
    await waitFor(() => expect(['p1', 'p2', 'p3', 'p4', 'p5'].map(stateOf)).toEqual(Array(5).fill('shown')));
    expect(screen.queryByText(/chưa có trên máy này/)).toBeNull();
    expect(screen.queryByText('suspended')).toBeNull();
    expect(relay.attempts).toEqual([]);
  });

  it('fetches a photo the tablet lacks only when it comes into view, and keeps it from then on', async () => {
    const { store, relay, photos } = setup();
    relay.held.set('r1', new Blob([new Uint8Array(3)], { type: 'image/jpeg' }));
    show(photos, ['r1']);
    await waitFor(() => expect(stateOf('r1')).toBe('idle'));
    expect(screen.queryByText(/chưa có trên máy này/)).toBeNull();
    expect(relay.attempts).toEqual([]);
    scrollTo('r1');
    await waitFor(() => expect(stateOf('r1')).toBe('shown'));
    expect(relay.attempts).toEqual(['download r1']);
    expect((await store.get('club-1', 'r1'))?.bytes).toBeDefined();
  });

  it('says a photo is not here once seen while the relay cannot give it, and shows it when back online', async () => {
    const { relay, photos } = setup();
    relay.held.set('r2', new Blob([new Uint8Array(3)], { type: 'image/jpeg' }));
    relay.answer = 'retry';
    show(photos, ['r2']);
    await waitFor(() => expect(stateOf('r2')).toBe('idle'));
    scrollTo('r2');
    await waitFor(() => expect(stateOf('r2')).toBe('missing'));
    screen.getByText(/chưa có trên máy này/);
    relay.answer = 'sent';
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(stateOf('r2')).toBe('shown'));
  });
});
