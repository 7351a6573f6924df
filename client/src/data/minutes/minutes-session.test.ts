// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { Meeting, MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import { newMemberId } from '@chungtay/model';
import { encodeStoredMessage, isSyncContentFrame } from '@chungtay/protocol';
import { Editor } from '@tiptap/core';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testMeeting } from '../../../test/meeting';
import { type TestSocket, testSocketClass } from '../../../test/test-socket';
import { findKnownClub, rememberClub, saveClubAccess } from '../../device/device';
import { openTabletSigner } from '../../device/signing-key';
import { listUnsent } from '../../device/unsent-docs';
import { TabletStore } from '../../sync/tablet-store';
import { richTextKit } from '../../ui/rich-text-editor/rich-text-kit';
import { openClubSession } from '../club/club-session';
import { createClubOnTablet } from '../club/create-club';
import { openHealthSession } from '../health/health-session';
import { minutesStorageName, openMinutesSession } from './minutes-session';

const author = { id: 'device-1', name: 'Nguyễn Thị Hoa' };

function meeting(chairId: MemberId, secretaryId: MemberId, lan: MemberId): Meeting {
  return testMeeting(chairId, secretaryId, { [lan]: 'present' });
}

describe('openMinutesSession', () => {
  it('starts the minutes from the club meeting, keeps them on the tablet and reopens them', async () => {
    const [chair, secretary, lan] = [newMemberId(), newMemberId(), newMemberId()];
    const m = meeting(chair, secretary, lan);
    const clubId = 'club-test-1';
    const first = await openMinutesSession({ clubId, meeting: m, author, canEditClub: () => true });
    expect(first.view.header.place).toBe('Nhà văn hóa thôn Đông');
    expect(first.view.attendance[lan]).toBe('present');
    const added = first.commands.addAgendaItem('Báo cáo quỹ');
    expect(added.ok).toBe(true);
    await Promise.resolve();
    expect(first.view.agenda.map((a) => a.title)).toEqual(['Báo cáo quỹ']);
    // Collaboration and remote carets: bound even before the club is shared; nothing to hold while offline.
    expect(added.ok && first.bodyExtensions(added.value)?.length).toBe(2);
    expect(first.holdRemote()).toBeNull();
    await first.whenSaved();
    await first.close();

    const again = await openMinutesSession({ clubId, meeting: m, author, canEditClub: () => true });
    expect(again.view.agenda.map((a) => a.title)).toEqual(['Báo cáo quỹ']);
    await again.close();
  });

  it('refuses every change on a viewer tablet and locks writing once chair and secretary approved', async () => {
    const [chair, secretary, lan] = [newMemberId(), newMemberId(), newMemberId()];
    const m = meeting(chair, secretary, lan);
    let editor = true;
    const session = await openMinutesSession({
      clubId: 'club-test-2',
      meeting: m,
      author,
      canEditClub: () => editor,
    });
    editor = false;
    expect(session.commands.addAgendaItem('Không được')).toEqual({ ok: false, error: { type: 'readOnly' } });
    editor = true;
    expect((await session.commands.approve('chair', chair, await openTabletSigner())).ok).toBe(true);
    expect((await session.commands.approve('secretary', secretary, await openTabletSigner())).ok).toBe(true);
    await Promise.resolve();
    expect(session.view.approval.status).toBe('approved');
    expect(session.canWrite()).toBe(false);
    const refused = session.commands.addAgendaItem('Sau khi duyệt');
    expect(refused.ok ? null : refused.error.type).toBe('approved');
    expect((await session.commands.reopen(chair, 'Bổ sung', await openTabletSigner())).ok).toBe(true);
    await Promise.resolve();
    expect(session.canWrite()).toBe(true);
    expect(session.view.reopenings).toHaveLength(1);
    await session.close();
  });
});

describe('undo on the minutes page', () => {
  it('walks one history from the header and from Ctrl+Z in any body, and outlives a closed body', async () => {
    const [chair, secretary, lan] = [newMemberId(), newMemberId(), newMemberId()];
    const session = await openMinutesSession({
      clubId: 'club-test-undo',
      meeting: meeting(chair, secretary, lan),
      author,
      canEditClub: () => true,
    });
    const fund = session.commands.addAgendaItem('Báo cáo quỹ');
    const plan = session.commands.addAgendaItem('Kế hoạch tháng 4');
    if (!fund.ok || !plan.ok) throw new Error('items not added');
    const body = (id: typeof fund.value) => JSON.stringify(session.printBodies()[id] ?? []);
    const editor = (id: typeof fund.value) =>
      new Editor({
        element: document.createElement('div'),
        extensions: [...richTextKit(), ...(session.bodyExtensions(id) ?? [])],
      });
    const fundEditor = editor(fund.value);
    const planEditor = editor(plan.value);
    fundEditor.commands.insertContent('Quỹ còn đủ chi');
    expect(body(fund.value)).toContain('Quỹ còn đủ chi');
    // Removing an item unmounts its editor, and Tiptap destroys the undo it was handed then.
    fundEditor.destroy();
    expect(session.commands.updateHeader({ place: 'Nhà ông Tư' }).ok).toBe(true);
    // Ctrl+Z in another body takes the minutes' latest step, a field: each kind of edit is its own step.
    expect(planEditor.commands.undo()).toBe(true);
    await Promise.resolve();
    expect(session.view.header.place).toBe('Nhà văn hóa thôn Đông');
    // The header's button takes the next one: the text typed in the closed body.
    session.undo();
    await Promise.resolve();
    expect(body(fund.value)).not.toContain('Quỹ còn đủ chi');
    expect(session.view.agenda.map((item) => item.title)).toEqual(['Báo cáo quỹ', 'Kế hoạch tháng 4']);
    // And then the two items added in one burst.
    session.undo();
    await Promise.resolve();
    expect(session.view.agenda).toEqual([]);
    expect(session.canUndo()).toBe(false);
    planEditor.destroy();
    await session.close();
  });
});

describe('minutes and health sessions follow the club’s access', () => {
  // The relay connections go to in-memory sockets: these tests are about which docs connect, and when.
  let sockets: TestSocket[] = [];
  beforeEach(() => {
    sockets = [];
    vi.stubGlobal('WebSocket', testSocketClass(sockets));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });
  const socketPaths = () => sockets.map((s) => new URL(s.url).pathname);

  /** A club created on this tablet (not shared yet), its session, and the open minutes of a meeting. */
  async function openScreen() {
    const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, author);
    if (!created.ok) throw new Error('club not created');
    const clubId = created.value;
    const club = await openClubSession(clubId, author);
    const [chair, secretary, lan] = [newMemberId(), newMemberId(), newMemberId()];
    const options = { canEditClub: club.canEdit, accessChanges: club.onAccessChange };
    const minutes = await openMinutesSession({
      clubId,
      meeting: meeting(chair, secretary, lan),
      author,
      ...options,
    });
    const health = await openHealthSession(clubId, author, options);
    const share = () => {
      const access = findKnownClub(clubId)?.access;
      if (!access) throw new Error('no access');
      saveClubAccess(clubId, { ...access, shared: true });
    };
    const close = async () => {
      await minutes.close();
      await health.close();
      await club.close();
    };
    return { clubId, meetingId: minutes.meetingId, club, minutes, health, share, close };
  }

  it('start syncing when this tablet shares the club while the minutes are open', async () => {
    const screen = await openScreen();
    expect(screen.minutes.syncStatus()).toEqual({ type: 'localOnly' });
    expect(screen.health.syncStatus()).toEqual({ type: 'localOnly' });
    // What the share page does once the relay registered the club's keys.
    screen.share();
    screen.club.reconnect();
    expect(screen.club.syncStatus().type).toBe('connecting');
    expect(screen.minutes.syncStatus().type).toBe('connecting');
    expect(screen.health.syncStatus().type).toBe('connecting');
    // The club's own connection comes once the sync code has loaded, after the open screens'.
    await vi.waitFor(() => expect(sockets).toHaveLength(3));
    expect(socketPaths().sort()).toEqual(
      [
        `/sync/${screen.clubId}`,
        `/sync/${screen.clubId}/meeting/${screen.meetingId}`,
        `/sync/${screen.clubId}/health`,
      ].sort(),
    );
    await screen.close();
  });

  it('start syncing when another tab on this tablet shares the club', async () => {
    const screen = await openScreen();
    // A change of something else (the club list's order, a member count) does not reconnect.
    window.dispatchEvent(new StorageEvent('storage', { key: 'chungtay.clubs' }));
    expect(screen.minutes.syncStatus()).toEqual({ type: 'localOnly' });
    screen.share();
    window.dispatchEvent(new StorageEvent('storage', { key: 'chungtay.other' }));
    expect(screen.minutes.syncStatus()).toEqual({ type: 'localOnly' });
    window.dispatchEvent(new StorageEvent('storage', { key: 'chungtay.clubs' }));
    await vi.waitFor(() => expect(sockets).toHaveLength(3));
    expect(screen.club.syncStatus().type).toBe('connecting');
    expect(screen.minutes.syncStatus().type).toBe('connecting');
    expect(screen.health.syncStatus().type).toBe('connecting');
    // The other tab updates the club list again (the member count it shows): no new connections.
    rememberClub({ id: screen.clubId, name: 'CLB thôn Đông', kind: 'selfHelp', memberCount: 12 });
    window.dispatchEvent(new StorageEvent('storage', { key: 'chungtay.clubs' }));
    expect(sockets).toHaveLength(3);
    await screen.close();
  });

  /** Plays a relay that stored everything: reports the state vector the tablet announced, all frames settled. */
  function confirmEverything(socket: TestSocket): void {
    const step1 = socket.sent.find((frame) => frame[0] === 0 && frame[1] === 0);
    if (!step1) throw new Error('no sync step 1 sent');
    const decoder = decoding.createDecoder(step1.subarray(2));
    const stateVector = decoding.readVarUint8Array(decoder);
    socket.receive(encodeStoredMessage(stateVector, socket.sent.filter(isSyncContentFrame).length));
  }

  it('send minutes closed with unconfirmed edits from the club session, and say Synced only after', async () => {
    const screen = await openScreen();
    const name = `${screen.clubId}/meeting/${screen.meetingId}`;
    expect(screen.minutes.commands.addAgendaItem('Báo cáo quỹ').ok).toBe(true);
    expect(listUnsent(screen.clubId).map((doc) => doc.documentName)).toEqual([name]);
    await screen.minutes.whenSaved();
    await screen.minutes.close();
    screen.share();
    screen.club.reconnect();
    await vi.waitFor(() => expect(socketPaths()).toContain(`/sync/${screen.clubId}`));
    const clubSocket = sockets.find((socket) => new URL(socket.url).pathname === `/sync/${screen.clubId}`);
    clubSocket?.open();
    if (clubSocket) confirmEverything(clubSocket);
    // The club doc is stored, the minutes are not: the words at the top must not say Synced yet.
    expect(screen.club.syncStatus().type).toBe('syncing');
    await vi.waitFor(() => expect(socketPaths()).toContain(`/sync/${name}`));
    // The last one: a connection opened before the club was shared may have been replaced.
    const background = sockets.filter((socket) => new URL(socket.url).pathname === `/sync/${name}`).at(-1);
    if (!background) throw new Error('no background connection');
    background.open();
    confirmEverything(background);
    await vi.waitFor(() => expect(listUnsent(screen.clubId)).toEqual([]));
    expect(screen.club.syncStatus().type).toBe('synced');
    await vi.waitFor(() => expect(background.readyState).toBe(3));
    await screen.close();
  });

  it('stop following the club once closed', async () => {
    const screen = await openScreen();
    await screen.minutes.close();
    screen.share();
    screen.club.reconnect();
    expect(screen.minutes.syncStatus()).toEqual({ type: 'localOnly' });
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    expect(socketPaths().sort()).toEqual([`/sync/${screen.clubId}`, `/sync/${screen.clubId}/health`].sort());
    await screen.health.close();
    await screen.club.close();
  });
});

describe('minutes migrations on open', () => {
  it('migrate minutes stored without a schema version, and leave newer minutes read-only', async () => {
    const [chair, secretary, lan] = [newMemberId(), newMemberId(), newMemberId()];
    const m = meeting(chair, secretary, lan);
    const clubId = 'club-test-migrate';
    const first = await openMinutesSession({ clubId, meeting: m, author, canEditClub: () => true });
    await first.whenSaved();
    await first.close();

    const setVersion = async (version: number | null) => {
      const doc = model.createMinutesDoc();
      const tablet = new TabletStore(minutesStorageName(clubId, m.id), doc);
      await tablet.load();
      const meta = doc.getMap('meta');
      if (version === null) meta.delete('schemaVersion');
      else meta.set('schemaVersion', version);
      await tablet.whenSettled();
      await tablet.destroy();
    };
    await setVersion(null);
    const migrated = await openMinutesSession({ clubId, meeting: m, author, canEditClub: () => true });
    expect(migrated.view.schemaVersion).toBe(model.MINUTES_SCHEMA_VERSION);
    expect(migrated.canEdit()).toBe(true);
    await migrated.close();

    await setVersion(model.MINUTES_SCHEMA_VERSION + 1);
    const newer = await openMinutesSession({ clubId, meeting: m, author, canEditClub: () => true });
    expect(newer.view).toMatchObject({ schemaVersion: model.MINUTES_SCHEMA_VERSION + 1, readOnly: true });
    expect(newer.canEdit()).toBe(false);
    expect(newer.commands.addAgendaItem('Không được')).toEqual({ ok: false, error: { type: 'readOnly' } });
    await newer.close();
  });
});
