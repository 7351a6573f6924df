/**
 * Shrinks a photo on the tablet before it is kept: a phone camera's 4,000 × 3,000 JPEG (3–6 MB) becomes about
 * 1,600 px on its long side, some 200–400 KB, enough to read a signed page and small enough to send over a
 * weak connection. EXIF orientation is applied while decoding, so a portrait photo stays upright after the
 * re-encoding drops its EXIF (which also drops the location the camera may have written).
 */
export const LONG_SIDE = 1600;
export const PHOTO_QUALITY = 0.82;

export interface ShrunkPhoto {
  readonly bytes: Blob;
  readonly contentType: 'image/jpeg' | 'image/webp';
  readonly width: number;
  readonly height: number;
}

/** The size to draw at: the long side at most `longSide`, never enlarged, proportions kept. */
export function fitWithin(
  width: number,
  height: number,
  longSide = LONG_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Rejects with an Error named 'NotAnImage' when the file cannot be decoded as a picture. */
export async function shrinkPhoto(file: Blob, longSide = LONG_SIDE): Promise<ShrunkPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw Object.assign(new Error('the file is not a picture this browser can read'), { name: 'NotAnImage' });
  }
  const size = fitWithin(bitmap.width, bitmap.height, longSide);
  try {
    // OffscreenCanvas where there is one (Chromium, recent Safari), a detached <canvas> otherwise.
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(size.width, size.height);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0, size.width, size.height);
      const bytes = await canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_QUALITY });
      return { bytes, contentType: 'image/jpeg', ...size };
    }
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
    const bytes = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('encoding failed'))),
        'image/jpeg',
        PHOTO_QUALITY,
      ),
    );
    return { bytes, contentType: 'image/jpeg', ...size };
  } finally {
    bitmap.close();
  }
}
