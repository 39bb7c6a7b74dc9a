import { PDFParse } from 'pdf-parse';
import { credentialPdf } from './credential-pdf';

const text = async (pdf: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
};

describe('printed credential', () => {
  it('prints names in Polish, Turkish, Nordic and Cyrillic letters as they are (WinAnsi fonts could not)', async () => {
    const holder = 'Şükrü Łukasiewicz-Ørsted (Ирина Ğ)';
    const pdf = await credentialPdf({
      lang: 'de',
      facts: { type: 'DiplomaCredential', title: 'Software developer', holder, level: 'EQF 4', awardedOn: '2025-07-01', validFrom: '2025-07-01', validUntil: null, issuerName: 'Alfa-college', outcomes: [], activity: null, verdict: null, destination: null },
      issuer: { name: 'Alfa-college', jurisdiction: 'NL' },
      coIssuers: [],
      shareUrl: 'https://verify.example/s/abc',
    });
    const out = (await text(pdf)).replace(/\s+/g, ' ');
    expect(out).toContain(holder);
    expect(out).toContain('Software developer');
    // The font is embedded as a subset, not the whole 700 kB file.
    expect(pdf.length).toBeLessThan(200_000);
  });
});
