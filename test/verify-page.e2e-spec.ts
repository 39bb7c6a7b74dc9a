/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { LABELS, type LabelKey } from '../libs/verify-page/domain/i18n';
import { describeInBrowser, openBrowser, type Browser } from './support/browser';
import { ISSUE_DIPLOMA, setupSchools } from './support/credentials-fixture';
import { rowCounts } from './support/row-counts';
import { startTestApp, TestApp } from './support/test-app';

/** Runs axe-core inside the page; returns the serious and critical violations (WCAG 2.1 A/AA rules). */
async function axeViolations(b: Browser) {
  await b.page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result: any = await b.page.evaluate(() => (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
}

describeInBrowser('public verification page in Chromium', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let b: Browser;
  let diploma: any;
  let revoked: any;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    const issue = async (key: string) => {
      const r = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: key, learner: { givenName: 'Eva', familyName: 'Smit' }, qualificationId: f.verzorgendeId, awardingDate: '2025-07-01' } }, f.nlSchool);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data.issueDiplomaCredential;
    };
    diploma = (await issue('page-diploma-1')).credential;
    const toRevoke = await issue('page-diploma-2');
    const rv = await t.gql('mutation($id: ID!) { revokeCredential(id: $id, reason: "issued in error") { status } }', { id: toRevoke.id }, f.nlSchool);
    if (rv.errors) throw new Error(JSON.stringify(rv.errors));
    revoked = toRevoke.credential;
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const paste = async (credential: unknown, lang = 'en', advice?: { jurisdiction: string; profession: string }) => {
    await b.page.goto(`${t.baseUrl}/verify?lang=${lang}`);
    await b.page.fill('#credential', typeof credential === 'string' ? credential : JSON.stringify(credential, null, 2));
    if (advice) {
      await b.page.selectOption('#jurisdiction', advice.jurisdiction);
      await b.page.selectOption('#profession', advice.profession);
    }
    await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.click('button[type=submit]')]);
  };
  const text = (sel: string) => b.page.locator(sel).innerText();

  it('a valid diploma reads "Valid" with its trusted issuer and qualification; the page has no script at all', async () => {
    await paste(diploma);
    await b.screenshot('verify-valid-diploma');
    expect(await b.page.locator('#verdict').getAttribute('data-valid')).toBe('true');
    expect(await text('#verdict')).toBe('Valid');
    const issuer = await text('#issuer');
    expect(issuer).toContain('Alfa-college');
    expect(issuer).toMatch(/Jurisdiction\s+NL/);
    expect(issuer).toMatch(/In the trust register\s+Yes/);
    expect(await text('#credential-title')).toMatch(/Verzorgende-IG/);
    expect(await text('#credential-facts')).toMatch(/Holder\s+Eva Smit/);
    expect(await text('#credential-status')).toBe('Active');
    // Every check is listed with its reason in plain words, and none failed.
    expect(await b.page.locator('#checks tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await b.page.locator('#checks tr[data-status=FAIL]').count()).toBe(0);
    expect(await text('#checks tr[data-check=PROOF]')).toContain('nothing was changed after signing');
    expect(await b.page.locator('script').count()).toBe(0);
  });

  it('a tampered diploma says which check failed and why', async () => {
    const tampered = structuredClone(diploma);
    tampered.credentialSubject.familyName = 'Jansen';
    await paste(tampered);
    await b.screenshot('verify-tampered-diploma');
    expect(await text('#verdict')).toBe('Not valid');
    expect(await b.page.locator('#checks tr[data-check=PROOF]').getAttribute('data-status')).toBe('FAIL');
    expect(await text('#why')).toMatch(/Signature: The signature does not match the content: the credential was changed after it was signed/);
    // The named issuer is in the register, but did not sign this content.
    expect(await text('#issuer-registered')).toBe('Yes');
    expect(await text('#checks tr[data-check=ISSUER]')).toContain('The issuer has not validly signed the credential.');
  });

  it('a revoked diploma says revoked', async () => {
    await paste(revoked);
    await b.screenshot('verify-revoked-diploma');
    expect(await text('#verdict')).toBe('Not valid');
    expect(await text('#credential-status')).toBe('Revoked');
    expect(await text('#why')).toContain('The issuer has revoked this credential.');
  });

  it('an uploaded file is verified like a pasted credential', async () => {
    await b.page.goto(`${t.baseUrl}/verify?lang=en`);
    await b.page.setInputFiles('#file', { name: 'diploma.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(diploma)) });
    await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.click('button[type=submit]')]);
    expect(await text('#verdict')).toBe('Valid');
  });

  it('switching to Deutsch changes every label, on the form and on the result', async () => {
    await b.page.goto(`${t.baseUrl}/verify?lang=en`);
    await Promise.all([b.page.waitForURL(/lang=de/), b.page.click('nav a[hreflang=de]')]);
    expect(await b.page.getAttribute('html', 'lang')).toBe('de');
    const check = async () => {
      const labels: Array<{ key: string; text: string }> = await b.page.$$eval('[data-i18n]', (els) => els.map((e) => ({ key: e.getAttribute('data-i18n')!, text: (e as HTMLElement).innerText.trim() })));
      for (const l of labels) expect({ key: l.key, text: l.text }).toEqual({ key: l.key, text: LABELS.de[l.key as LabelKey] });
      // No English label is left (those that are the same word in both languages aside).
      const english = new Set(Object.entries(LABELS.en).filter(([k, v]) => LABELS.de[k as LabelKey] !== v).map(([, v]) => v));
      expect(labels.filter((l) => english.has(l.text))).toEqual([]);
      return labels.length;
    };
    expect(await check()).toBeGreaterThanOrEqual(12);
    expect(await b.page.locator('label[for=credential]').innerText()).toBe('Digitaler Nachweis (JSON-LD, JWT oder Text eines Offline-QR-Codes)');
    await b.page.fill('#credential', JSON.stringify(diploma));
    await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.click('button[type=submit]')]);
    await b.screenshot('verify-valid-diploma-de');
    expect(await b.page.getAttribute('html', 'lang')).toBe('de');
    expect(await text('#verdict')).toBe('Gültig');
    expect(await check()).toBeGreaterThanOrEqual(40);

    // Switching language on the result keeps the result: the form is posted again in that language.
    await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.click('nav button[lang=nl]')]);
    expect(await b.page.getAttribute('html', 'lang')).toBe('nl');
    expect(await text('#verdict')).toBe(LABELS.nl.valid);
    expect(await b.page.locator('#credential').inputValue()).toBe(JSON.stringify(diploma));
    expect(await b.page.getAttribute('nav button[lang=nl]', 'aria-current')).toBe('page');
  });

  it('DE-NW and Altenpfleger/in give the route and the competent authority', async () => {
    await paste(diploma, 'en', { jurisdiction: 'DE-NW', profession: 'altenpfleger' });
    await b.screenshot('verify-advice-de-nw-altenpfleger');
    expect(await b.page.locator('#advice [data-route]').getAttribute('data-route')).toBe('GENERAL_SYSTEM');
    expect(await text('#advice [data-route]')).toBe('General system (individual comparison)');
    expect(await text('#authority')).toMatch(/Bezirksregierung Münster/);
    expect(await b.page.locator('#steps li').count()).toBeGreaterThan(0);
    expect(await text('#steps')).toMatch(/Bezirksregierung Münster/);
    // The choice stays selected for the next verification.
    expect(await b.page.locator('#jurisdiction').inputValue()).toBe('DE-NW');
  });

  it('axe-core finds no serious or critical violation on the form, a result with advice, and a failed result', async () => {
    await b.page.goto(`${t.baseUrl}/verify?lang=nl`);
    expect(await axeViolations(b)).toEqual([]);
    await paste(diploma, 'de', { jurisdiction: 'DE-NW', profession: 'altenpfleger' });
    expect(await axeViolations(b)).toEqual([]);
    const tampered = structuredClone(diploma);
    tampered.validFrom = '2020-01-01T00:00:00Z';
    await paste(tampered);
    expect(await axeViolations(b)).toEqual([]);
  });

  it('the form is usable by keyboard alone: tab to the text area, type, tab to the button, press Enter', async () => {
    await b.page.goto(`${t.baseUrl}/verify?lang=en`);
    let guard = 0;
    while ((await b.page.evaluate(() => document.activeElement?.id)) !== 'credential' && guard++ < 20) await b.page.keyboard.press('Tab');
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('credential');
    await b.page.keyboard.insertText(JSON.stringify(diploma));
    guard = 0;
    while ((await b.page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('type'))) !== 'submit' && guard++ < 20) await b.page.keyboard.press('Tab');
    await Promise.all([b.page.waitForURL(`${t.baseUrl}/verify`), b.page.keyboard.press('Enter')]);
    expect(await text('#verdict')).toBe('Valid');
  });

  it('escapes what a credential says: markup in it is shown as text, never run', async () => {
    const evil = structuredClone(diploma);
    evil.credentialSubject.givenName = '<img src=x onerror="document.title=\'pwned\'">';
    evil.credentialSubject.hasClaim.title.en = '</textarea><script>document.title="pwned"</script>';
    let dialogs = 0;
    b.page.on('dialog', () => void dialogs++);
    await paste(evil);
    expect(await b.page.title()).not.toBe('pwned');
    expect(await b.page.locator('#result img, #result script, body > script').count()).toBe(0);
    expect(await text('#credential-facts')).toContain('<img src=x onerror=');
    expect(await b.page.locator('#credential').inputValue()).toContain('</textarea><script>');
    expect(dialogs).toBe(0);
  });

  it('broken JSON and an empty form are answered in plain words, never a server error', async () => {
    await paste('{"@context": [');
    expect(await text('#verdict')).toBe('Not valid');
    expect(await text('#why')).toContain('The text is not a credential');
    await b.page.goto(`${t.baseUrl}/verify?lang=en`);
    const r = await Promise.all([b.page.waitForResponse((res) => res.url() === `${t.baseUrl}/verify` && res.request().method() === 'POST'), b.page.click('button[type=submit]')]);
    expect(r[0].status()).toBe(200);
    expect(await text('#notice')).toBe('Paste a credential or choose a file first.');
  });

  it('an oversized upload is refused with 413, never a server error', async () => {
    const form = new FormData();
    form.set('file', new Blob([Buffer.alloc(300 * 1024, 'a')]), 'big.json');
    const res = await fetch(`${t.baseUrl}/verify`, { method: 'POST', body: form });
    expect(res.status).toBe(413);
  });

  it('verifying on the page writes nothing', async () => {
    const before = await rowCounts(t.dataSource);
    for (const c of [diploma, revoked]) {
      const form = new FormData();
      form.set('credential', JSON.stringify(c));
      form.set('jurisdiction', 'DE-NW');
      form.set('profession', 'altenpfleger');
      const res = await fetch(`${t.baseUrl}/verify`, { method: 'POST', body: form });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    }
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });
});

describe('public verification page: rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { VERIFY_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => t?.close());

  it('is rate-limited per client like the other public verify paths', async () => {
    const post = () => {
      const form = new FormData();
      form.set('credential', 'not-a-credential');
      return fetch(`${t.baseUrl}/verify`, { method: 'POST', body: form });
    };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('public verification page: QR images are read off the request thread', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { VERIFY_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(async () => t?.close());

  /** Black-and-white noise, about 200 KB as a PNG: under the upload cap, and a long search for jsQR. */
  const noisePng = () => {
    const side = 1000;
    const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0, bitDepth: 8 });
    const bits = randomBytes(side * side);
    const grey = Buffer.alloc(side * side);
    for (let i = 0; i < grey.length; i++) grey[i] = bits[i] & 1 ? 255 : 0;
    png.data = grey;
    return PNG.sync.write(png, { colorType: 0, inputColorType: 0 });
  };

  it('while images are searched the service answers; beyond the few that may wait, an upload gets the form again with 429', async () => {
    const image = noisePng();
    expect(image.length).toBeLessThan(256 * 1024);
    const upload = () => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'noise.png');
      return fetch(`${t.baseUrl}/verify?lang=en`, { method: 'POST', body: form }).then(async (r) => ({ status: r.status, body: await r.text() }));
    };
    const uploads = Array.from({ length: 8 }, upload);
    // Answered while the uploads are being searched.
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    const answers = await Promise.all(uploads);
    const busy = answers.filter((a) => a.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    for (const a of busy) expect(a.body).toContain(LABELS.en.qrReaderBusy);
    const read = answers.filter((a) => a.status === 200);
    expect(read.length).toBeGreaterThan(0);
    for (const a of read) expect(a.body).toContain(LABELS.en.noQrInImage);
    expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);
  });
});
