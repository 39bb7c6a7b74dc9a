import { qrTextFromPng } from './qr-image';

/** Entry of the QR image thread (piscina calls the named export): jsQR holds a thread for up to seconds. */
export function read(png: Uint8Array): string | null {
  return qrTextFromPng(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
}
