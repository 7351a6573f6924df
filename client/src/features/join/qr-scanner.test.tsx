import { cleanup, render } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QrScanner } from './qr-scanner';

/** A camera whose permission prompt is answered when the test says so. */
function promptedCamera() {
  const track = { stop: vi.fn() };
  // A real (happy-dom) MediaStream, which a video element accepts, with a track the test can watch.
  const stream = new MediaStream();
  stream.getTracks = () => [track as unknown as MediaStreamTrack];
  let answer: { allow(): void; deny(): void } = { allow() {}, deny() {} };
  const getUserMedia = vi.fn(
    () =>
      new Promise<MediaStream>((resolve, reject) => {
        answer = {
          allow: () => resolve(stream),
          deny: () => reject(new DOMException('denied', 'NotAllowedError')),
        };
      }),
  );
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  return { track, getUserMedia, allow: () => answer.allow(), deny: () => answer.deny() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('QrScanner', () => {
  let play: ReturnType<typeof vi.spyOn>;
  let setIntervalSpy: ReturnType<typeof vi.spyOn>;
  const decodeLoops = () => setIntervalSpy.mock.calls.filter((call: unknown[]) => call[1] === 250).length;
  beforeEach(() => {
    play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  it('films and decodes once the camera is allowed, and switches it off when stopped', async () => {
    const camera = promptedCamera();
    const onError = vi.fn();
    render(() => <QrScanner onText={() => {}} onError={onError} />);
    expect(camera.getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' } });
    camera.allow();
    await vi.waitFor(() => expect(decodeLoops()).toBe(1));
    expect(play).toHaveBeenCalledTimes(1);
    cleanup();
    expect(camera.track.stop).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('switches off a camera allowed after scanning was stopped, and never starts decoding', async () => {
    const camera = promptedCamera();
    const onError = vi.fn();
    render(() => <QrScanner onText={() => {}} onError={onError} />);
    // The person presses "Stop scanning" while the permission prompt is still open.
    cleanup();
    camera.allow();
    await vi.waitFor(() => expect(camera.track.stop).toHaveBeenCalledTimes(1));
    await settle();
    expect(play).not.toHaveBeenCalled();
    expect(decodeLoops()).toBe(0);
    expect(onError).not.toHaveBeenCalled();
  });

  it('says nothing about a camera refused after scanning was stopped', async () => {
    const camera = promptedCamera();
    const onError = vi.fn();
    render(() => <QrScanner onText={() => {}} onError={onError} />);
    cleanup();
    camera.deny();
    await settle();
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports a camera refused while scanning', async () => {
    const camera = promptedCamera();
    const onError = vi.fn();
    render(() => <QrScanner onText={() => {}} onError={onError} />);
    camera.deny();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(decodeLoops()).toBe(0);
  });
});
