import { readFileSync } from 'node:fs';

/**
 * DejaVu Sans, embedded (subset) in every PDF the service prints: pdfkit's standard fonts are WinAnsi, which has no
 * Ł, Ş, ğ or Cyrillic, and learners' names in this region carry them. Read from the installed package, never fetched.
 */
export const PDF_FONT = 'Body';
export const PDF_FONT_BOLD = 'Body-Bold';

let fonts: { regular: Buffer; bold: Buffer } | undefined;

function load() {
  const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
  return (fonts ??= { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') });
}

export function useUnicodeFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const { regular, bold } = load();
  doc.registerFont(PDF_FONT, regular);
  doc.registerFont(PDF_FONT_BOLD, bold);
  return doc.font(PDF_FONT);
}
