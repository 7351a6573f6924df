import type { Author, ClubId, HealthCheckInput, HealthView, MeetingId, MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import { type Accessor, createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import * as Y from 'yjs';
import { colorFor, type SyncStatus } from '../sync/sync-status';
import { type SaveState, TabletStore } from '../sync/tablet-store';
import { createDocRelay, watchRelay } from './doc-relay';

export function healthStorageName(clubId: string): string {
  return `chungtay-health-${clubId}`;
}

export interface HealthSession {
  readonly view: HealthView;
  readonly commands: {
    record(input: HealthCheckInput): ReturnType<typeof model.recordHealthCheck>;
    clear(meetingId: MeetingId, memberId: MemberId): ReturnType<typeof model.clearHealthCheck>;
  };
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  close(): Promise<void>;
}

/**
 * Opens the club's private health doc `<clubId>/health`. Only for editor keys: the relay refuses
 * viewer keys (4403), and this tablet's copy holds sensitive data, so the caller checks the role first.
 * Plain gc (on): erased values are dropped, not kept as history.
 */
export async function openHealthSession(clubId: string, author: Author): Promise<HealthSession> {
  const doc = new Y.Doc();
  const tablet = new TabletStore(healthStorageName(clubId), doc);
  await tablet.load();
  const origin = model.localOrigin(author);
  const relay = createDocRelay(clubId, model.healthDocName(clubId as ClubId), doc, {
    name: author.name,
    color: colorFor(author.id),
  });
  if (model.readHealth(doc).clubId === null) model.createHealth(doc, { clubId: clubId as ClubId }, origin);
  relay?.start();
  const [view, setView] = createStore<HealthView>(model.readHealth(doc));
  const [saveState, setSaveState] = createSignal<SaveState>(tablet.state);
  const [syncStatus, setSyncStatus] = createSignal<SyncStatus>({ type: 'localOnly' });
  const stopRelay = relay ? watchRelay(relay, setSyncStatus) : () => {};
  let scheduled = false;
  const onUpdate = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      setView(reconcile(model.readHealth(doc), { merge: true }));
    });
  };
  doc.on('update', onUpdate);
  const stopSaveState = tablet.onStateChange(setSaveState);
  return {
    view,
    commands: {
      record: (input) => model.recordHealthCheck(doc, input, origin),
      clear: (meetingId, memberId) => model.clearHealthCheck(doc, { meetingId, memberId }, origin),
    },
    saveState,
    syncStatus,
    async close() {
      stopRelay();
      relay?.destroy();
      doc.off('update', onUpdate);
      stopSaveState();
      await tablet.destroy();
      doc.destroy();
    },
  };
}
