import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { AppError } from '../platform/errors/app-error';
import { QrImageReader } from './qr-image-reader';

/** A noisy PNG: jsQR searches all of it (about half a second at 800 × 800 here) and finds nothing. */
function noise(side = 800): Buffer {
  const png = new PNG({ width: side, height: side });
  randomBytes(side * side * 4).copy(png.data);
  return PNG.sync.write(png);
}

describe('QrImageReader (its own thread; npm test builds the worker first)', () => {
  let reader: QrImageReader;
  beforeAll(() => {
    reader = new QrImageReader();
  });
  afterAll(() => reader.onApplicationShutdown());

  it('reads the QR code of a PNG, and null when there is none', async () => {
    expect(await reader.read(await QRCode.toBuffer('VP1-RTEST 456', { errorCorrectionLevel: 'L', scale: 4 }))).toBe('VP1-RTEST 456');
    expect(await reader.read(Buffer.from('not a png'))).toBeNull();
  });

  it('does not hold the request thread while it searches a large image', async () => {
    const image = noise();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    try {
      expect(await reader.read(image)).toBeNull();
    } finally {
      clearInterval(timer);
    }
    // Decoded on this thread, the search would run in one synchronous stretch and no timer could fire.
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses uploads beyond the few that may wait, instead of queueing them', async () => {
    const image = noise(400);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => reader.read(image)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'TOO_MANY_REQUESTS' } satisfies Partial<AppError>);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
  });
});
