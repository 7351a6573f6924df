// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStoredDoc, type TabletStore } from '../../sync/tablet-store';
import { storedRows, uniqueName } from '../../sync/tablet-store-testing';
import { type PendingWrites, PendingWritesProvider, usePendingWrites } from './pending-writes';

const open: Array<{ doc: Y.Doc; tablet: TabletStore }> = [];

afterEach(async () => {
  cleanup();
  for (const { doc, tablet } of open.splice(0)) {
    await tablet.destroy();
    doc.destroy();
  }
});

/** The provider as the app mounts it, and what a screen gets from it. */
function mountProvider(): PendingWrites {
  let pending: PendingWrites | undefined;
  const Probe = () => {
    pending = usePendingWrites();
    return null;
  };
  render(() => (
    <PendingWritesProvider>
      <Probe />
    </PendingWritesProvider>
  ));
  if (!pending) throw new Error('provider not mounted');
  return pending;
}

/** Documents of several kinds open at once, as a club, its minutes, a health check and the money book. */
async function openDocs(...kinds: string[]) {
  const docs = [];
  for (const kind of kinds) {
    const name = uniqueName(kind);
    const stored = await openStoredDoc(name, false);
    open.push(stored);
    docs.push({ name, ...stored });
  }
  return docs;
}

/** What IndexedDB holds for `name`, read back into a fresh doc. */
async function readBack(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const [, row] of await storedRows(name)) Y.applyUpdate(doc, row);
  return doc;
}

function leave(): Event {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

describe('pending writes of every open document', () => {
  it('an update waits for the writes of the minutes, health and money docs, not only the club', async () => {
    const pending = mountProvider();
    const [, minutes, health, money] = await openDocs('club', 'minutes', 'health', 'money');
    if (!minutes || !health || !money) throw new Error('docs not opened');
    minutes.doc.getMap('minutes').set('decision', 'Mua 2 máy đo huyết áp');
    health.doc.getMap('readings').set('lan', '150/95');
    money.doc.getMap('ledger').set('share', 1_500_000);

    await pending.whenAllSaved();

    // Written, not only queued: IndexedDB orders a later read after these writes, so the read-back alone
    // would not tell whether the update waited.
    expect([minutes, health, money].map((d) => d.tablet.state)).toEqual(['saved', 'saved', 'saved']);
    expect((await readBack(minutes.name)).getMap('minutes').get('decision')).toBe('Mua 2 máy đo huyết áp');
    expect((await readBack(health.name)).getMap('readings').get('lan')).toBe('150/95');
    expect((await readBack(money.name)).getMap('ledger').get('share')).toBe(1_500_000);
  });

  it('also waits for what a screen registered itself', async () => {
    const pending = mountProvider();
    let formSaved = false;
    pending.register(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      formSaved = true;
    });
    await pending.whenAllSaved();
    expect(formSaved).toBe(true);
  });

  it('leaving warns while a health doc is still being written, and not once it is saved', async () => {
    const pending = mountProvider();
    const [club, health] = await openDocs('club', 'health');
    if (!club || !health) throw new Error('docs not opened');
    expect(leave().defaultPrevented).toBe(false);

    health.doc.getMap('readings').set('lan', '150/95');
    expect(health.tablet.state).toBe('saving');
    expect(club.tablet.state).toBe('saved');
    expect(leave().defaultPrevented).toBe(true);

    await pending.whenAllSaved();
    expect(leave().defaultPrevented).toBe(false);
  });
});
