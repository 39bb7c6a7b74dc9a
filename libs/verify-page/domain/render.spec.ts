import type { VerificationReport } from '../../credentials/domain/verification';
import { escapeHtml, html, safeUrl } from './html';
import { LABELS, PAGE_LANGS, REASONS } from './i18n';
import { PAGE_CSP, PAGE_CSS_HASH, renderPage, type PageModel } from './render';

const report = (over: Partial<VerificationReport> = {}): VerificationReport => ({
  valid: false,
  verified: false,
  accredited: false,
  authentic: false,
  trusted: false,
  revoked: false,
  suspended: false,
  expired: false,
  credentialId: null,
  types: [],
  issuer: null,
  checks: [{ check: 'PROOF', status: 'FAIL', reason: 'SIGNATURE_INVALID', message: 'bad <b>sig</b>' }],
  ...over,
});

const model = (over: Partial<PageModel> = {}): PageModel => ({
  lang: 'en',
  action: '/verify',
  method: 'post',
  langHref: (l) => `/verify?lang=${l}`,
  pasteForm: true,
  jurisdictions: [{ value: 'DE-NW', label: 'North Rhine-Westphalia (DE-NW)' }],
  professions: [],
  ...over,
});

describe('verification page rendering', () => {
  it('has every label and every reason in nl, de and en', () => {
    for (const lang of PAGE_LANGS) {
      expect(Object.keys(LABELS[lang]).sort()).toEqual(Object.keys(LABELS.en).sort());
      expect(Object.keys(REASONS[lang]).sort()).toEqual(Object.keys(REASONS.en).sort());
      for (const v of [...Object.values(LABELS[lang]), ...Object.values(REASONS[lang])]) expect(v.trim()).not.toBe('');
    }
  });

  it('escapes interpolated values but not nested templates', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<script>'}</p>${html`<br>`}`.value).toBe('<p>&lt;script&gt;</p><br>');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://www.bezreg-muenster.de/x')).toBe('https://www.bezreg-muenster.de/x');
  });

  it('renders hostile credential content as text: no tag, attribute or textarea break-out survives', () => {
    const evil = '</textarea><script>alert(1)</script><img src=x onerror=alert(1)>';
    const credential = { type: ['VerifiableCredential', 'DiplomaCredential'], credentialSubject: { givenName: evil, familyName: '"x', hasClaim: { title: { en: evil } } } };
    const out = renderPage(model({ credentialText: evil, result: { report: report({ issuer: evil }), credential, issuer: { name: evil, jurisdiction: 'NL' }, advice: null, adviceNote: evil } }));
    expect(out).not.toMatch(/<script|<img|<\/textarea><script/i);
    expect(out).toContain('&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('bad &lt;b&gt;sig&lt;/b&gt;');
  });

  it('allows exactly its own stylesheet and no script', () => {
    expect(PAGE_CSP).toContain(`style-src '${PAGE_CSS_HASH}'`);
    expect(PAGE_CSP).toMatch(/default-src 'none'/);
    expect(PAGE_CSP).not.toMatch(/script-src/);
  });

  it('says revoked in the page language when the report is revoked', () => {
    const checks = [{ check: 'STATUS' as const, status: 'FAIL' as const, reason: 'REVOKED', message: 'the issuer has revoked this credential' }];
    const out = renderPage(model({ lang: 'nl', result: { report: report({ revoked: true, checks }), credential: { type: ['DiplomaCredential'] }, issuer: null, advice: null, adviceNote: null } }));
    expect(out).toContain('<html lang="nl">');
    expect(out).toContain('>Ingetrokken<');
    expect(out).toContain('De uitgever heeft dit bewijs ingetrokken.');
  });
});
