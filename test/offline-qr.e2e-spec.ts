import jsQR from 'jsqr';
import { credentialFromOfflineQr } from '../libs/offline-qr/offline-qr';
import { hasChromium, openBrowser } from './support/browser';
import { ISSUE_LU, learningUnitRequest, setupSchools, VERIFY } from './support/credentials-fixture';
import { hasPdftoppm, pdfText, renderPagePng, renderPageRgba } from './support/pdf';
import { startTestApp, TestApp } from './support/test-app';

const CREATE = 'mutation($c: ID!) { createShareLink(credentialId: $c) { id url pdfUrl } }';
const REVOKE = 'mutation($id: ID!) { revokeShareLink(id: $id) { revokedAt } }';
if (!hasPdftoppm) console.warn('SKIPPED offline QR tests: no pdftoppm (apt-get install poppler-utils)');
const itPdf = hasPdftoppm ? it : it.skip;
const itBrowser = hasPdftoppm && hasChromium ? it : it.skip;

describe('offline QR: a learning unit carried in its printed QR code (CBOR-LD, vpqr)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let issued: any;
  let payload: string;
  let page2Png: Buffer;
  const local = (url: string) => `${t.baseUrl}${new URL(url).pathname}${new URL(url).search}`;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    const r = await t.gql(ISSUE_LU, { r: learningUnitRequest({ coIssuers: [] }) }, f.nlSchool);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    issued = r.data.issueLearningUnitCredential;
  });
  afterAll(async () => t?.close());

  itPdf('the PDF has a second page whose QR code holds the credential; it decodes with no network and verifies after the share link is revoked', async () => {
    const link = (await t.gql(CREATE, { c: issued.id }, f.nlSchool)).data.createShareLink;
    const pdf = Buffer.from(await (await fetch(local(link.pdfUrl) + '?lang=en')).arrayBuffer());
    expect(await pdfText(pdf)).toContain('Offline copy');

    // Page 1's QR code is the share link; page 2's is the credential itself.
    const p1 = renderPageRgba(pdf, 1);
    expect(jsQR(p1.data, p1.width, p1.height)?.data).toBe(link.url);
    const p2 = renderPageRgba(pdf, 2, 150);
    payload = jsQR(p2.data, p2.width, p2.height)!.data;
    expect(payload).toMatch(/^VP1-R[0-9A-Z $%*+\-./:]+$/);
    page2Png = renderPagePng(pdf, 2);

    expect((await t.gql(REVOKE, { id: link.id }, f.nlSchool)).data.revokeShareLink.revokedAt).toBeTruthy();
    expect((await fetch(local(link.url))).status).toBe(410);

    // Decoding needs only the bundled contexts: nothing is fetched.
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const decoded = await credentialFromOfflineQr(payload);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    expect(decoded).toEqual(issued.credential);

    const v = (await t.gql(VERIFY, { c: decoded })).data.verifyCredential;
    expect(v).toMatchObject({ valid: true, authentic: true, trusted: true, revoked: false, credentialId: issued.credential.id });
  });

  itBrowser('the page reads the offline QR from an uploaded image, and from its pasted text; a damaged one is reported', async () => {
    const b = await openBrowser();
    try {
      await b.page.goto(`${t.baseUrl}/verify?lang=en`);
      await b.page.setInputFiles('#file', { name: 'offline-qr.png', mimeType: 'image/png', buffer: page2Png });
      await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.click('button[type=submit]')]);
      await b.screenshot('offline-qr-upload');
      expect(await b.page.locator('#verdict').innerText()).toBe('Valid');
      expect(await b.page.locator('#credential-title').innerText()).toBe('Binational learning unit IT');
      expect(await b.page.locator('#credential-facts').innerText()).toMatch(/Kind\s+Learning unit/);

      await b.page.goto(`${t.baseUrl}/verify?lang=en`);
      await b.page.fill('#credential', payload);
      await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.click('button[type=submit]')]);
      expect(await b.page.locator('#verdict').innerText()).toBe('Valid');

      await b.page.goto(`${t.baseUrl}/verify?lang=en`);
      await b.page.fill('#credential', payload.slice(0, 400));
      await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.click('button[type=submit]')]);
      expect(await b.page.locator('#verdict').innerText()).toBe('Not valid');
      expect(await b.page.locator('#checks tr[data-check=FORMAT]').innerText()).toMatch(/not a readable offline QR code/);

      await b.page.goto(`${t.baseUrl}/verify?lang=en`);
      await b.page.setInputFiles('#file', { name: 'blank.png', mimeType: 'image/png', buffer: renderPagePng(Buffer.from(await (await fetch(`${t.baseUrl}/qualifications/${f.verzorgendeId}/certificate-supplement.pdf`)).arrayBuffer()), 1, 40) });
      await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.click('button[type=submit]')]);
      expect(await b.page.locator('#notice').innerText()).toBe('No readable QR code was found in the image.');
    } finally {
      await b.close();
    }
  });
});
