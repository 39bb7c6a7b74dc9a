import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/**
 * A small upload can inflate to a huge bitmap: the header's size is checked before anything is decoded. jsQR
 * takes about a second per megapixel here, so the bound is also a bound on its time (on the QR thread,
 * qr-image-reader.ts).
 */
const MAX_PIXELS = 4_000_000;

export const isPng = (b: Buffer) => b.length > 24 && b.subarray(0, 8).equals(PNG_MAGIC);

/** The text of the QR code in a PNG image, or null when there is none (or the image is refused). */
export function qrTextFromPng(b: Buffer): string | null {
  if (!isPng(b)) return null;
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  if (!width || !height || width * height > MAX_PIXELS) return null;
  try {
    const png = PNG.sync.read(b);
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  } catch {
    return null;
  }
}
