import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSharedClub } from '../../../test/shared-club';
import { type TestSocket, testSocketClass } from '../../../test/test-socket';
import { ClubProvider } from '../../data/club/club-context';
import type { ClubSession } from '../../data/club/club-session';
import { readRelayOrigin, saveRelayOrigin } from '../../device/device';
import { I18nProvider } from '../../i18n/i18n-context';
import { RelayAddressForm } from './relay-address-form';

const hoa = { id: 'device-hoa', name: 'Nguyễn Thị Hoa' };
const sessions: ClubSession[] = [];
// The club's relay connection goes to in-memory sockets: the test checks where it connects, and when.
let sockets: TestSocket[] = [];

beforeEach(() => {
  sockets = [];
  vi.stubGlobal('WebSocket', testSocketClass(sockets));
});
afterEach(async () => {
  cleanup();
  for (const session of sessions.splice(0)) await session.close();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A club shared from this tablet (so it connects to the relay), with the form on screen. */
async function showForm(role: 'editor' | 'viewer' = 'editor') {
  const { club } = await openSharedClub(hoa, sockets, role);
  sessions.push(club);
  render(() => (
    <I18nProvider>
      <ClubProvider session={club}>
        <RelayAddressForm />
      </ClubProvider>
    </I18nProvider>
  ));
  return club;
}

const field = () => screen.getByLabelText('Địa chỉ máy chủ') as HTMLInputElement;
const type = (text: string) => fireEvent.input(field(), { target: { value: text } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
const current = () => screen.getByTestId('relay-address-current').textContent;
const lastSocket = () => new URL(sockets.at(-1)?.url ?? '');

describe('RelayAddressForm', () => {
  it('shows the address the app was opened from as the default', async () => {
    await showForm();
    expect(current()).toBe(`Đang dùng: ${location.origin} (địa chỉ đã mở ứng dụng này)`);
    expect(field().value).toBe(location.origin);
    await waitFor(() => expect(lastSocket().host).toBe(location.host));
  });

  it('refuses an address that is not a server in Vietnamese, keeps what was typed and stays connected', async () => {
    await showForm();
    const connections = sockets.length;
    type('dongbo.example.vn');
    save();
    expect(await screen.findByText(/Đây chưa phải một địa chỉ đầy đủ/)).toBeTruthy();
    expect(field().value).toBe('dongbo.example.vn');

    type('https://dongbo.example.vn/sync');
    save();
    expect(await screen.findByText(/Chỉ ghi tên máy chủ, không ghi gì phía sau/)).toBeTruthy();
    expect(field().value).toBe('https://dongbo.example.vn/sync');

    type('wss://dongbo.example.vn');
    save();
    expect(await screen.findByText('Địa chỉ phải bắt đầu bằng https:// hoặc http://')).toBeTruthy();
    expect(readRelayOrigin()).toBe(location.origin);
    expect(sockets).toHaveLength(connections);
  });

  it('saves the server’s origin and reconnects the open club to it, then goes back to the default', async () => {
    const club = await showForm();
    const reconnected = vi.fn();
    club.onAccessChange(reconnected);
    type('  HTTPS://DongBo.Example.VN/  ');
    save();
    await waitFor(() => expect(field().value).toBe('https://dongbo.example.vn'));
    expect(current()).toBe('Đang dùng: https://dongbo.example.vn');
    expect(readRelayOrigin()).toBe('https://dongbo.example.vn');
    expect(reconnected).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(lastSocket().origin).toBe('wss://dongbo.example.vn'));
    await waitFor(() => expect(lastSocket().pathname).toBe(`/sync/${club.clubId}`));

    // Saving the same address again changes nothing, so nothing reconnects.
    save();
    expect(reconnected).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Dùng địa chỉ mặc định' }));
    await waitFor(() => expect(field().value).toBe(location.origin));
    expect(current()).toContain('(địa chỉ đã mở ứng dụng này)');
    expect(localStorage.getItem('chungtay.relay')).toBeNull();
    expect(reconnected).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(lastSocket().host).toBe(location.host));
  });

  it('follows an address saved in another tab of this tablet', async () => {
    const club = await showForm();
    const connections = sockets.length;
    // Another tab's form saved it: this tab only hears the storage event.
    saveRelayOrigin('https://dongbo.example.vn');
    window.dispatchEvent(new StorageEvent('storage', { key: 'chungtay.other' }));
    expect(sockets).toHaveLength(connections);
    window.dispatchEvent(new StorageEvent('storage', { key: 'chungtay.relay' }));
    await waitFor(() => expect(lastSocket().origin).toBe('wss://dongbo.example.vn'));
    await waitFor(() => expect(lastSocket().pathname).toBe(`/sync/${club.clubId}`));
  });

  it('lets a viewer tablet change it too: it is this tablet’s setting, not the club’s', async () => {
    await showForm('viewer');
    type('http://192.168.1.20:8080');
    save();
    await waitFor(() => expect(readRelayOrigin()).toBe('http://192.168.1.20:8080'));
    await waitFor(() => expect(lastSocket().origin).toBe('ws://192.168.1.20:8080'));
  });
});
