import jsQR from 'jsqr';
import { hasChromium, openBrowser, type Browser } from './support/browser';
import { ISSUE_DIPLOMA, setupSchools } from './support/credentials-fixture';
import { hasPdftoppm, pdfText, renderPageRgba } from './support/pdf';
import { rowCounts } from './support/row-counts';
import { startTestApp, TestApp } from './support/test-app';

const CREATE = 'mutation($c: ID!, $d: Int) { createShareLink(credentialId: $c, expiresInDays: $d) { id credentialId url pdfUrl expiresAt revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeShareLink(id: $id) { id url revokedAt } }';
if (!hasChromium || !hasPdftoppm) console.warn(`SKIPPED share-link browser/QR tests: ${!hasChromium ? 'no Chromium' : ''} ${!hasPdftoppm ? 'no pdftoppm (apt-get install poppler-utils)' : ''}`);
const itBrowser = hasChromium && hasPdftoppm ? it : it.skip;

describe('share links and printable credentials', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let credId: string;
  let b: Browser | undefined;
  const local = (url: string) => `${t.baseUrl}${new URL(url).pathname}${new URL(url).search}`;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    const r = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'share-diploma-1', learner: { givenName: 'Eva', familyName: 'Smit' }, qualificationId: f.verzorgendeId, awardingDate: '2025-07-01' } }, f.nlSchool);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    credId = r.data.issueDiplomaCredential.id;
    if (hasChromium && hasPdftoppm) b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('only the issuing school or an admin creates a link; bad input names the field', async () => {
    const anon = await t.gql(CREATE, { c: credId });
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    for (const token of [await t.token('employer'), await t.token('expert', { jurisdictions: ['NL'] }), f.otherSchool, f.deSchool]) {
      const r = await t.gql(CREATE, { c: credId }, token);
      expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const zero = await t.gql(CREATE, { c: credId, d: 0 }, f.nlSchool);
    expect(zero.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(zero.errors![0].message).toMatch(/expiresInDays/);
    const missing = await t.gql(CREATE, { c: 'urn:uuid:00000000-0000-0000-0000-000000000000' }, f.nlSchool);
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM share_link')).toEqual([{ n: 0 }]);
    const admin = await t.gql(CREATE, { c: credId, d: 1 }, f.admin);
    expect(admin.errors).toBeUndefined();
  });

  it('a link carries an unguessable token that is stored only as a hash; creation and revocation are audited without it', async () => {
    const r = await t.gql(CREATE, { c: credId, d: 7 }, f.nlSchool);
    expect(r.errors).toBeUndefined();
    const link = r.data.createShareLink;
    const token = new URL(link.url).pathname.split('/').pop()!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const stored = JSON.stringify(await t.dataSource.query('SELECT * FROM share_link'));
    expect(stored).not.toContain(token);
    await t.gql(REVOKE, { id: link.id }, f.nlSchool);
    const audit = await t.dataSource.query(`SELECT action, actor, "before", "after" FROM audit_log WHERE entity_type = 'share-link' AND entity_id = $1 ORDER BY id`, [link.id]);
    expect(audit.map((a: any) => [a.action, a.actor])).toEqual([
      ['share-link.create', 'registrar-alfa'],
      ['share-link.revoke', 'registrar-alfa'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
    const other = await t.gql(REVOKE, { id: link.id }, f.otherSchool);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await t.gql(REVOKE, { id: 'nope' }, f.nlSchool);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  itBrowser("a PDF's QR code decodes to the share link, which opens the page with the credential verified; once revoked, the link says so", async () => {
    const link = (await t.gql(CREATE, { c: credId }, f.nlSchool)).data.createShareLink;
    const res = await fetch(local(link.pdfUrl) + '?lang=de');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/pdf/);
    const pdf = Buffer.from(await res.arrayBuffer());

    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Zeugnis');
    expect(text).toContain('Verzorgende-IG (Pflegekraft in der individuellen Gesundheitsversorgung)');
    expect(text).toMatch(/Inhaber\/in:\s*Eva Smit/);
    expect(text).toMatch(/Ausgestellt von:\s*Alfa-college \(NL\)/);
    expect(text).toMatch(/Niveau:\s*NLQF 3 · EQF 3/);

    const img = renderPageRgba(pdf, 1);
    const qr = jsQR(img.data, img.width, img.height);
    expect(qr?.data).toBe(link.url);

    await b!.page.goto(local(qr!.data) + '?lang=en');
    await b!.screenshot('share-link-valid');
    expect(await b!.page.locator('h1').innerText()).toBe('Shared credential');
    expect(await b!.page.locator('#verdict').innerText()).toBe('Valid');
    expect(await b!.page.locator('#credential-title').innerText()).toContain('Verzorgende-IG');
    expect(await b!.page.locator('#pdf-link').getAttribute('href')).toMatch(/\/pdf\?lang=en$/);

    // Advice through the share page's own (GET) form, still without JavaScript.
    await b!.page.selectOption('#jurisdiction', 'DE-NW');
    await b!.page.selectOption('#profession', 'altenpfleger');
    await Promise.all([b!.page.waitForURL(/jurisdiction=DE-NW/), b!.page.click('button[type=submit]')]);
    expect(await b!.page.locator('#authority').innerText()).toMatch(/Bezirksregierung Münster/);

    expect((await t.gql(REVOKE, { id: link.id }, f.nlSchool)).data.revokeShareLink.revokedAt).toBeTruthy();
    const after = await b!.page.goto(local(qr!.data) + '?lang=de');
    await b!.screenshot('share-link-revoked');
    expect(after!.status()).toBe(410);
    expect(await b!.page.locator('#notice').innerText()).toBe('Dieser Freigabelink wurde von der Person, die ihn erstellt hat, widerrufen.');
    expect(await b!.page.locator('#verdict').count()).toBe(0);
    expect((await fetch(local(link.pdfUrl))).status).toBe(410);
  });

  it('a JWT credential opens verified too, and its PDF carries only the share link (no offline QR for a JWT)', async () => {
    const r = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'share-diploma-jwt', format: 'JWT', learner: { givenName: 'Jan', familyName: 'Bos' }, qualificationId: f.verzorgendeId, awardingDate: '2025-07-01' } }, f.nlSchool);
    expect(r.errors).toBeUndefined();
    expect(r.data.issueDiplomaCredential.format).toBe('JWT');
    const link = (await t.gql(CREATE, { c: r.data.issueDiplomaCredential.id }, f.nlSchool)).data.createShareLink;
    const page = await (await fetch(local(link.url))).text();
    expect(page).toContain('data-valid="true"');
    expect(page).toMatch(/<td><span class="reason">The credential is readable \(JWT\)\.<\/span>/);
    expect(page).toContain('Jan Bos');
    const text = await pdfText(Buffer.from(await (await fetch(local(link.pdfUrl))).arrayBuffer()));
    expect(text).toContain('Jan Bos');
    expect(text).not.toContain('Offline copy');
  });

  it('an expired link and an unknown token say so; opening a link writes nothing', async () => {
    const link = (await t.gql(CREATE, { c: credId }, f.nlSchool)).data.createShareLink;
    const before = await rowCounts(t.dataSource);
    const ok = await fetch(local(link.url));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await ok.text()).toContain('data-valid="true"');
    expect((await fetch(local(link.pdfUrl))).status).toBe(200);
    expect(await rowCounts(t.dataSource)).toEqual(before);

    await t.dataSource.query(`UPDATE share_link SET expires_at = now() - interval '1 minute' WHERE id = $1`, [link.id]);
    const expired = await fetch(local(link.url));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This share link has expired.');
    const unknown = await fetch(`${t.baseUrl}/s/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This share link does not exist.');
  });
});
