import { connectionProtocols } from '@chungtay/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { registerClub, startTestRelay, type TestClub, type TestRelay, waitFor } from './helpers';

/** A socket to the club's document; `answersPings: false` plays a tablet that lost its signal. */
function socketTo(relay: TestRelay, club: TestClub, answersPings: boolean) {
  const socket = new WebSocket(`${relay.syncUrl}/${club.clubId}?v=1`, connectionProtocols(club.editorKey), {
    autoPong: answersPings,
  });
  const state = { open: false, closed: false, pings: 0 };
  socket.on('ping', () => {
    state.pings += 1;
  });
  socket.on('open', () => {
    state.open = true;
  });
  socket.on('close', () => {
    state.closed = true;
  });
  socket.on('error', () => undefined);
  return { socket, state };
}

describe('dead sockets', () => {
  let relay: TestRelay;
  let club: TestClub;

  beforeEach(async () => {
    relay = await startTestRelay({ pingIntervalMs: 400 });
    club = await registerClub(relay.httpUrl);
  });
  afterEach(async () => {
    await relay.close();
  });

  it('cuts a socket that stopped answering, and keeps the ones that answer', async () => {
    const gone = socketTo(relay, club, false);
    const alive = socketTo(relay, club, true);
    await waitFor(() => gone.state.open && alive.state.open, 'both open');
    await waitFor(() => relay.metrics.connections === 2, 'both admitted');
    await waitFor(() => gone.state.closed, 'the silent socket cut', 5_000);
    await waitFor(() => relay.metrics.connections === 1, 'its connection gone');
    // Three more intervals: the answering socket stays.
    const pings = alive.state.pings;
    await waitFor(() => alive.state.pings >= pings + 3, 'more pings', 5_000);
    expect(alive.state.closed).toBe(false);
    expect(gone.state.pings).toBeGreaterThan(0);
    alive.socket.close();
  });
});
