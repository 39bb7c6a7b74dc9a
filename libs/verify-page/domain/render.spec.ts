import type { VerificationReport } from '../../credentials/domain/verification';
import { escapeHtml, html, safeUrl } from './html';
import { LABELS, PAGE_LANGS, REASONS } from './i18n';
import type { RouteAdvice } from '../../recognition/domain/advise';
import { PAGE_CSP, PAGE_CSS_HASH, renderPage, type PageModel } from './render';

const report = (over: Partial<VerificationReport> = {}): VerificationReport => ({
  valid: false,
  verified: false,
  accredited: false,
  authentic: false,
  trusted: false,
  trustedBy: null,
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

  it('cites the published binational descriptions of the advice, and names the host-company check, in the page language', () => {
    const description = {
      id: 'd1', key: 'vig-altenpflege-nw', version: 2, title: 'Verzorgende-IG ↔ Altenpfleger/in <NRW>', publishedAt: '2026-11-02T10:00:00.000Z',
      text: { lang: 'de', canDo: ['Pflege planen <b>und</b> durchführen'], workSettings: [], differences: ['Behandlungspflege'] },
    };
    const advice = { route: 'GENERAL_SYSTEM', summary: 'Individual comparison', steps: [], competentAuthority: null, authorisedDescriptions: [description] } as unknown as RouteAdvice;
    const checks = [{ check: 'HOST_COMPANY' as const, status: 'WARN' as const, reason: 'HOST_NOT_RECOGNISED', message: 'not recognised' }];
    const out = renderPage(model({ lang: 'de', result: { report: report({ checks }), credential: { type: ['LearningUnitCredential'] }, issuer: null, advice, adviceNote: null } }));
    expect(out).toContain('Autorisierte binationale Beschreibungen');
    expect(out).toContain('data-description="vig-altenpflege-nw"');
    expect(out).toContain('<strong>Verzorgende-IG ↔ Altenpfleger/in &lt;NRW&gt;</strong> (v2, <span data-i18n="publishedOn">veröffentlicht</span> 2026-11-02)');
    expect(out).toContain('<li>Pflege planen &lt;b&gt;und&lt;/b&gt; durchführen</li>');
    expect(out).toContain('Wesentliche Unterschiede');
    expect(out).toContain('Ausbildungsbetrieb');
    const none = renderPage(model({ lang: 'de', result: { report: report(), credential: null, issuer: null, advice: { ...advice, authorisedDescriptions: [] } as RouteAdvice, adviceNote: null } }));
    expect(none).not.toContain('id="descriptions"');
  });
});
