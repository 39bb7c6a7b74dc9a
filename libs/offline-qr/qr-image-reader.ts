import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Piscina from 'piscina';
import { AppError } from '../platform/errors/app-error';
import { compiledWorker } from '../platform/project-root';
import { qrTextFromPng } from './qr-image';

/** At most this many uploads wait for the thread; more are refused (TOO_MANY_REQUESTS) rather than queued. */
const MAX_WAITING = 4;
/** A search that takes longer is stopped (its thread ends): about three times the largest clean image's here. */
const DECODE_TIMEOUT_MS = 15_000;
/** The thread ends after this long without an upload. */
const IDLE_MS = 30_000;

/**
 * Reads QR codes from uploaded PNGs on a thread of their own, started on the first upload and ended when idle:
 * jsQR takes about a second per megapixel (far more for noise), which must hold neither the request thread (HTTP,
 * GraphQL, the database) nor the proof workers. Without a compiled worker (unit tests of the sources) it decodes
 * inline. The pool is created and destroyed here rather than with piscina's minThreads 0, which starts no thread
 * under the tests' transform of node_modules.
 */
@Injectable()
export class QrImageReader implements OnApplicationShutdown {
  private readonly filename = compiledWorker(__dirname, 'libs/offline-qr/qr-image-worker.ts');
  private pool: Piscina | null = null;
  private inFlight = 0;
  private idle: NodeJS.Timeout | null = null;

  /** The text of the QR code in `png`, or null when there is none, the image is refused or the search took too long. */
  async read(png: Buffer): Promise<string | null> {
    if (!this.filename) return qrTextFromPng(png);
    if (this.inFlight > MAX_WAITING) throw new AppError('TOO_MANY_REQUESTS', 'image: too many images are being read for QR codes; try again in a moment');
    this.pool ??= new Piscina({ filename: this.filename, name: 'read', minThreads: 1, maxThreads: 1, resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 } });
    const pool = this.pool;
    this.inFlight += 1;
    if (this.idle) clearTimeout(this.idle);
    try {
      return await pool.run(new Uint8Array(png), { signal: AbortSignal.timeout(DECODE_TIMEOUT_MS) });
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'AbortError' || name === 'TimeoutError') return null;
      throw e;
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle = setTimeout(() => this.end(pool), IDLE_MS).unref();
    }
  }

  private end(pool: Piscina): void {
    if (this.pool === pool) {
      if (this.inFlight) return;
      this.pool = null;
    }
    void pool.destroy();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
