import { type JSX, onCleanup, onMount } from 'solid-js';

/**
 * Reads a QR code from the tablet's rear camera. jsQR decodes frames drawn to
 * a canvas, which works on the cheap Android tablets that lack BarcodeDetector.
 */
export function QrScanner(props: { onText: (text: string) => void; onError: () => void }): JSX.Element {
  let video!: HTMLVideoElement;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  // Someone may stop scanning while the camera permission prompt is still open: the camera that arrives
  // afterwards must be switched off at once, not left filming and decoding behind the page.
  let disposed = false;
  const stopCamera = () => {
    for (const track of stream?.getTracks() ?? []) track.stop();
  };
  onMount(async () => {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      if (disposed) return stopCamera();
      video.srcObject = stream;
      await video.play();
      const { default: jsQR } = await import('jsqr');
      // Stopped while the video started or jsQR loaded: cleanup already switched the camera off.
      if (disposed) return;
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true });
      timer = setInterval(() => {
        if (!context || video.videoWidth === 0) return;
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const code = jsQR(
          context.getImageData(0, 0, canvas.width, canvas.height).data,
          canvas.width,
          canvas.height,
        );
        if (code?.data) props.onText(code.data);
      }, 250);
    } catch {
      // A refusal that comes after scanning was stopped is no news: the person already moved on.
      if (!disposed) props.onError();
    }
  });
  onCleanup(() => {
    disposed = true;
    clearInterval(timer);
    stopCamera();
  });
  return <video ref={video} class="qr-video" muted playsinline />;
}
