import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { tempDir } from './temp-dir';

/** poppler's pdftoppm (apt-get install poppler-utils): a real renderer, independent of pdfkit. */
export const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** One page of a PDF as PNG bytes (pdftoppm). */
export function renderPagePng(pdf: Buffer, page: number, dpi = 150): Buffer {
  const dir = tempDir('pdf');
  writeFileSync(join(dir, 'c.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-singlefile', '-r', String(dpi), '-f', String(page), '-l', String(page), join(dir, 'c.pdf'), join(dir, 'page')]);
  return readFileSync(join(dir, 'page.png'));
}

/** One page of a PDF as an RGBA bitmap, from pdftoppm's binary PPM (parsed here, so no image library is involved). */
export function renderPageRgba(pdf: Buffer, page: number, dpi = 110): { data: Uint8ClampedArray; width: number; height: number } {
  const dir = tempDir('pdf');
  writeFileSync(join(dir, 'c.pdf'), pdf);
  execFileSync('pdftoppm', ['-singlefile', '-r', String(dpi), '-f', String(page), '-l', String(page), join(dir, 'c.pdf'), join(dir, 'page')]);
  const ppm = readFileSync(join(dir, 'page.ppm'));
  // Binary PPM: "P6\n<w> <h>\n<max>\n" then RGB bytes.
  const header = ppm.subarray(0, 50).toString('latin1').match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a P6 PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = rgb[i * 3];
    data[i * 4 + 1] = rgb[i * 3 + 1];
    data[i * 4 + 2] = rgb[i * 3 + 2];
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}

/** The text of a PDF (pdf-parse), without its page-break markers. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/--\s*\d+ of \d+\s*--/g, '');
  } finally {
    await parser.destroy();
  }
}
