import QRCode from 'qrcode';
import { qrTextFromPng } from './qr-image';

describe('QR code from an uploaded PNG', () => {
  it('reads the text of a QR code in a PNG', async () => {
    const png = await QRCode.toBuffer('VP1-RTEST 123', { errorCorrectionLevel: 'L', scale: 4 });
    expect(qrTextFromPng(png)).toBe('VP1-RTEST 123');
  });

  it('refuses what is not a PNG, and a PNG whose header claims a huge bitmap, without decoding it', async () => {
    expect(qrTextFromPng(Buffer.from('{"not":"an image"}'))).toBeNull();
    const png = await QRCode.toBuffer('x');
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    expect(qrTextFromPng(bomb)).toBeNull();
  });
});
