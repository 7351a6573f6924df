import type {
  Author,
  ClubId,
  HealthCheckInput,
  HealthThresholds,
  HealthView,
  MeetingId,
  MemberId,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import { type Accessor, createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import * as Y from 'yjs';
import { type AccessChanges, linkDocRelay } from '../../sync/relay/doc-relay';
import { colorFor, type SyncStatus } from '../../sync/sync-status';
import { type SaveState, TabletStore } from '../../sync/tablet-store';

export function healthStorageName(clubId: string): string {
  return `chungtay-health-${clubId}`;
}

export interface HealthSession {
  readonly view: HealthView;
  readonly commands: {
    record(input: HealthCheckInput): ReturnType<typeof model.recordHealthCheck>;
    clear(meetingId: MeetingId, memberId: MemberId): ReturnType<typeof model.clearHealthCheck>;
    updateThresholds(patch: Partial<HealthThresholds>): ReturnType<typeof model.updateHealthThresholds>;
    restoreDefaultThresholds(): ReturnType<typeof model.restoreDefaultHealthThresholds>;
  };
  /** An editor key, a club doc and a health doc this build understands. */
  readonly canEdit: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenHealthOptions {
  /** The club session's answer (`ClubSession.canEdit`); editable when not given. */
  readonly canEditClub?: () => boolean;
  /** The club session's reconnects (`ClubSession.onAccessChange`): the health doc reconnects with it. */
  readonly accessChanges?: AccessChanges;
}

const READ_ONLY = { ok: false, error: { type: 'readOnly' } } as const;

/**
 * Opens the club's private health doc `<clubId>/health`. Only for editor keys: the relay refuses
 * viewer keys (4403), and this tablet's copy holds sensitive data, so the caller checks the role first.
 * Plain gc (on): erased values are dropped, not kept as history.
 */
export async function openHealthSession(
  clubId: string,
  author: Author,
  options: OpenHealthOptions = {},
): Promise<HealthSession> {
  const doc = new Y.Doc();
  const tablet = new TabletStore(healthStorageName(clubId), doc);
  await tablet.load();
  const canEditClub = options.canEditClub ?? (() => true);
  // Like the club doc: an older health doc is migrated when opened (a newer one is left alone).
  if (canEditClub() && model.getHealthSchemaStatus(doc).type === 'outdated') model.migrateHealth(doc);
  const origin = model.localOrigin(author);
  if (model.readHealth(doc).clubId === null) model.createHealth(doc, { clubId: clubId as ClubId }, origin);
  const [syncStatus, setSyncStatus] = createSignal<SyncStatus>({ type: 'localOnly' });
  const link = linkDocRelay({
    clubId,
    unsent: {
      documentName: model.healthDocName(clubId as ClubId),
      storageName: healthStorageName(clubId),
      keepHistory: false,
    },
    doc,
    user: { name: author.name, color: colorFor(author.id) },
    accessChanges: options.accessChanges,
    onStatus: setSyncStatus,
  });
  const [view, setView] = createStore<HealthView>(model.readHealth(doc));
  const [saveState, setSaveState] = createSignal<SaveState>(tablet.state);
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
  const canEdit = () => canEditClub() && !view.readOnly;
  return {
    view,
    commands: {
      record: (input) => (canEdit() ? model.recordHealthCheck(doc, input, origin) : READ_ONLY),
      clear: (meetingId, memberId) =>
        canEdit() ? model.clearHealthCheck(doc, { meetingId, memberId }, origin) : READ_ONLY,
      updateThresholds: (patch) => (canEdit() ? model.updateHealthThresholds(doc, patch, origin) : READ_ONLY),
      restoreDefaultThresholds: () =>
        canEdit() ? model.restoreDefaultHealthThresholds(doc, origin) : READ_ONLY,
    },
    canEdit,
    saveState,
    syncStatus,
    whenSaved: () => tablet.whenSettled(),
    async close() {
      link.close();
      doc.off('update', onUpdate);
      stopSaveState();
      await tablet.destroy();
      doc.destroy();
    },
  };
}
