import PDFDocument from 'pdfkit';
import { PDF_FONT, PDF_FONT_BOLD, useUnicodeFonts } from '../../platform/pdf/fonts';
import QRCode from 'qrcode';
import type { CredentialFacts } from '../domain/credential-facts';
import { LabelKey, PageLang, t } from '../domain/i18n';

export interface PrintableCredential {
  lang: PageLang;
  facts: CredentialFacts;
  issuer: { name: string; jurisdiction: string } | null;
  coIssuers: string[];
  shareUrl: string;
  /** The offline QR text (the credential itself), when it fits one QR code. */
  offlineQr?: string | null;
}

/**
 * A one-page print of a credential in the holder's language, with a QR code of its share link, in the embedded
 * DejaVu Sans (names in any European script).
 */
export async function credentialPdf(p: PrintableCredential): Promise<Buffer> {
  const qr = await QRCode.toBuffer(p.shareUrl, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: p.facts.title ?? t(p.lang, 'pdfTitle'), Creator: 'Recognition engine' }, lang: p.lang });
  useUnicodeFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const L = (k: LabelKey) => t(p.lang, k);
  const f = p.facts;

  doc.font(PDF_FONT_BOLD).fontSize(11).fillColor('#1f3a5f').text(f.type ? L(f.type) : L('pdfTitle'));
  doc.moveDown(0.3).fontSize(20).fillColor('#000').text(f.title ?? '—');
  doc.moveDown(0.8);
  const row = (k: LabelKey, v: string | null | undefined) => {
    if (!v) return;
    doc.font(PDF_FONT_BOLD).fontSize(10).text(`${L(k)}: `, { continued: true }).font(PDF_FONT).text(v);
    doc.moveDown(0.2);
  };
  row('holder', f.holder);
  row('level', f.level);
  row('awardedOn', f.awardedOn);
  row('pdfIssuedBy', p.issuer ? `${p.issuer.name} (${p.issuer.jurisdiction})` : f.issuerName);
  for (const co of p.coIssuers) row('CO_ISSUERS', co);
  row('validFrom', f.validFrom);
  row('validUntil', f.validUntil ?? L('noExpiry'));
  row('pdfActivity', f.activity);
  row('pdfVerdict', f.verdict);
  row('pdfDestination', f.destination);
  if (f.outcomes.length) {
    doc.moveDown(0.5).font(PDF_FONT_BOLD).fontSize(11).text(L('pdfOutcomes'));
    doc.font(PDF_FONT).fontSize(10).list(f.outcomes.slice(0, 20), { bulletRadius: 1.5 });
  }

  doc.moveDown(1.5);
  const y = Math.min(doc.y, 560);
  doc.image(qr, 56, y, { width: 170 });
  doc.font(PDF_FONT).fontSize(10).text(L('pdfVerifyAt'), 240, y + 10, { width: 300 });
  doc.moveDown(0.3).fillColor('#0b4f9c').text(p.shareUrl, { width: 300, link: p.shareUrl });
  doc.fillColor('#444').moveDown(1).fontSize(8).text(L('pdfNote'), { width: 300 });
  if (p.offlineQr) {
    // A page of its own: a version-30-something QR code needs the width to stay scannable.
    const offline = await QRCode.toBuffer(p.offlineQr, { errorCorrectionLevel: 'L', margin: 4, scale: 4 });
    doc.addPage();
    doc.font(PDF_FONT_BOLD).fontSize(14).fillColor('#000').text(L('pdfOfflineTitle'));
    doc.moveDown(0.3).font(PDF_FONT).fontSize(10).text(L('pdfOfflineHint'));
    doc.image(offline, 56, doc.y + 12, { width: 480 });
  }
  doc.end();
  return done;
}
