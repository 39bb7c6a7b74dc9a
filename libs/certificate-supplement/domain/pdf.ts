import PDFDocument from 'pdfkit';
import { PDF_FONT, PDF_FONT_BOLD, useUnicodeFonts } from '../../platform/pdf/fonts';
import { SUPPLEMENT_LABELS, SupplementLabel } from './labels';
import { levelText } from './render';
import type { Supplement } from './supplement';

/** The supplement as PDF, in the same order as the HTML page, in the embedded DejaVu Sans. */
export function supplementPdf(s: Supplement): Promise<Buffer> {
  const L = (k: SupplementLabel) => SUPPLEMENT_LABELS[s.lang][k];
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${L('doc')}: ${s.originalTitle}` }, lang: s.lang });
  useUnicodeFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const h = (k: SupplementLabel) => doc.moveDown(0.8).font(PDF_FONT_BOLD).fontSize(12).fillColor('#1f3a5f').text(L(k)).fillColor('#000').font(PDF_FONT).fontSize(10).moveDown(0.2);
  const p = (text: string) => doc.font(PDF_FONT).fontSize(10).text(text);
  const kv = (k: SupplementLabel, v: string | number | null, suffix = '') => {
    doc.font(PDF_FONT_BOLD).fontSize(10).text(`${L(k)}: `, { continued: true }).font(PDF_FONT).text(v === null ? L('notStated') : `${v}${suffix ? ` ${suffix}` : ''}`);
  };

  doc.font(PDF_FONT_BOLD).fontSize(18).text(`${L('europass')} ${L('doc')}`);
  h('s1');
  p(s.originalTitle);
  if (s.code) kv('code', s.code);
  h('s2');
  p(s.translatedTitle ?? L('sameAsOriginal'));
  h('s3');
  if (!s.units.length) p(L('notStated'));
  for (const u of s.units) {
    doc.moveDown(0.3).font(PDF_FONT_BOLD).fontSize(10).text(`${u.code ? `${u.code}: ` : ''}${u.title}${u.hours !== null ? ` (${u.hours} ${L('hours')})` : ''}`);
    doc.font(PDF_FONT).list(
      u.outcomes.map((o) => `${L(o.dimension as SupplementLabel)}: ${o.text}`),
      { bulletRadius: 1.5 },
    );
  }
  h('s4');
  p(s.occupations.length ? s.occupations.join('; ') : L('notStated'));
  h('s5');
  kv('awardingBody', s.awardingBodies.length ? s.awardingBodies.map((b) => b.name).join('; ') : null);
  kv('competentBody', s.competentBodies.length ? s.competentBodies.map((b) => b.name).join('; ') : null);
  kv('level', levelText(s));
  if (s.art11Level) kv('art11', s.art11Level);
  kv('legalBasis', s.legalBasis);
  kv('validity', s.validFrom ? `${s.validFrom} – ${s.validUntil ?? ''}` : null);
  h('s6');
  kv('duration', s.durationMonths, L('months'));
  kv('routes', s.routes.length ? s.routes.join(', ') : null);
  kv('hoursTotal', s.hoursTotal);
  if (s.ects !== null) kv('ects', s.ects);
  if (s.ecvet !== null) kv('ecvet', s.ecvet);
  if (s.sbu !== null) kv('sbu', s.sbu);
  h('s7');
  s.sources.forEach((src, i) => p(`${i + 1}. ${src.title ? `${src.title}: ` : ''}${src.url}`));
  doc.moveDown(1).fontSize(8).fillColor('#444').text(L('generated'));
  doc.end();
  return done;
}
