import { createHash } from 'node:crypto';
import type { DescriptionCitation, RouteAdvice } from '../../recognition/domain/advise';
import type { Check, VerificationReport } from '../../credentials/domain/verification';
import { html, SafeHtml, safeUrl } from './html';
import { LabelKey, LANG_NAMES, LABELS, PAGE_LANGS, PageLang, reasonText, t } from './i18n';
import { credentialFacts } from './credential-facts';

export interface Option {
  value: string;
  label: string;
}

export interface ResultView {
  report: VerificationReport;
  credential: unknown;
  /** The named issuer's registry entry; null when it is not in the trust register. */
  issuer: { name: string; jurisdiction: string } | null;
  advice: RouteAdvice | null;
  adviceNote: string | null;
}

export interface PageModel {
  lang: PageLang;
  /** Where the form posts (or gets, for a share link). */
  action: string;
  method: 'post' | 'get';
  /** The language switch: the same page in another language. */
  langHref: (l: PageLang) => string;
  /** Show the paste/upload fields (not on a share-link page, whose credential is fixed). */
  pasteForm: boolean;
  credentialText?: string;
  jurisdictions: Option[];
  professions: Option[];
  selected?: { jurisdiction?: string; profession?: string };
  heading?: LabelKey;
  notice?: LabelKey;
  /** A dead share link: nothing to verify, so no form. */
  hideForm?: boolean;
  result?: ResultView;
  pdfHref?: string;
}

/** Kept outside the page so the Content-Security-Policy can allow exactly this stylesheet by hash. */
export const PAGE_CSS = `
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;border-bottom:2px solid #1f3a5f}
a{color:#0b4f9c}
a:focus,button:focus,textarea:focus,select:focus,input:focus{outline:3px solid #c25400;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
nav ul{list-style:none;display:flex;gap:1rem;padding:0}
.lang-switch{background:none;border:0;padding:0;font:inherit;color:#0b4f9c;text-decoration:underline;cursor:pointer}
.lang-switch[aria-current]{font-weight:bold}
label{display:block;font-weight:600;margin-top:1rem}
.hint{color:#454545;font-size:.95rem;margin:.1rem 0 .3rem}
textarea{width:100%;min-height:10rem;font-family:ui-monospace,monospace;font-size:.9rem}
fieldset{margin-top:1.5rem;border:1px solid #767676}
button{margin-top:1rem;padding:.6rem 1.5rem;font-size:1rem;background:#1f3a5f;color:#fff;border:0;border-radius:4px;cursor:pointer}
.verdict{font-size:1.6rem;font-weight:700;padding:.6rem 1rem;border-radius:4px}
.verdict-valid{background:#e6f4ea;color:#0a5a26;border:2px solid #0a5a26}
.verdict-invalid{background:#fdecea;color:#8a0000;border:2px solid #8a0000}
.notice{background:#fff4e5;color:#5c3200;border:2px solid #8a4b00;padding:.6rem 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.4rem;text-align:left;vertical-align:top}
.st-PASS{color:#0a5a26;font-weight:600}.st-FAIL{color:#8a0000;font-weight:700}.st-SKIP{color:#454545}
small{color:#454545}
`;
export const PAGE_CSS_HASH = `sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}`;

/** No script, no external resource; inline style only by hash; forms only to this service. */
export const PAGE_CSP = `default-src 'none'; style-src '${PAGE_CSS_HASH}'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const label = (lang: PageLang, key: LabelKey) => html`<span data-i18n="${key}">${t(lang, key)}</span>`;

function select(lang: PageLang, name: string, key: LabelKey, options: Option[], selected?: string): SafeHtml {
  return html`<label for="${name}" data-i18n="${key}">${t(lang, key)}</label>
<select id="${name}" name="${name}">
<option value="" data-i18n="none">${t(lang, 'none')}</option>
${options.map((o) => html`<option value="${o.value}"${o.value === selected ? new SafeHtml(' selected') : ''}>${o.label}</option>`)}
</select>`;
}

function form(m: PageModel): SafeHtml {
  const { lang } = m;
  const paste = m.pasteForm
    ? html`<label for="credential" data-i18n="credentialLabel">${t(lang, 'credentialLabel')}</label>
<p class="hint" id="credential-hint" data-i18n="credentialHint">${t(lang, 'credentialHint')}</p>
<textarea id="credential" name="credential" aria-describedby="credential-hint" spellcheck="false">${m.credentialText ?? ''}</textarea>
<label for="file" data-i18n="fileLabel">${t(lang, 'fileLabel')}</label>
<p class="hint" id="file-hint" data-i18n="fileHint">${t(lang, 'fileHint')}</p>
<input type="file" id="file" name="file" accept=".json,.jsonld,.jwt,.txt,application/json,application/ld+json,text/plain" aria-describedby="file-hint">`
    : '';
  const enctype = m.method === 'post' ? new SafeHtml(' enctype="multipart/form-data"') : '';
  return html`<form id="verify-form" method="${m.method}" action="${m.action}"${enctype}>
<input type="hidden" name="lang" value="${lang}">
${paste}
<fieldset><legend data-i18n="adviceLegend">${t(lang, 'adviceLegend')}</legend>
${select(lang, 'jurisdiction', 'jurisdictionLabel', m.jurisdictions, m.selected?.jurisdiction)}
${select(lang, 'profession', 'professionLabel', m.professions, m.selected?.profession)}
</fieldset>
<button type="submit" data-i18n="submit">${t(lang, 'submit')}</button>
</form>`;
}

function checkRow(lang: PageLang, c: Check): SafeHtml {
  return html`<tr data-check="${c.check}" data-status="${c.status}" data-reason="${c.reason}">
<th scope="row" data-i18n="${c.check}">${t(lang, c.check as LabelKey) ?? c.check}</th>
<td class="st-${c.status}" data-i18n="${c.status}">${t(lang, c.status as LabelKey)}</td>
<td><span class="reason">${reasonText(lang, c.reason, c.message)}</span><br><small><span data-i18n="details">${t(lang, 'details')}</span>: ${c.reason} — ${c.message}</small></td>
</tr>`;
}

function statusKey(r: VerificationReport): LabelKey {
  if (r.revoked) return 'statusRevoked';
  if (r.suspended) return 'statusSuspended';
  if (r.expired) return 'statusExpired';
  return r.checks.some((c) => c.check === 'STATUS' && c.status === 'PASS') ? 'statusActive' : 'statusNotChecked';
}

function adviceSection(lang: PageLang, a: RouteAdvice | null, note: string | null): SafeHtml | '' {
  if (!a && !note) return '';
  if (!a) return html`<section aria-labelledby="advice-h"><h2 id="advice-h" data-i18n="adviceHeading">${t(lang, 'adviceHeading')}</h2><p><strong data-i18n="noAdvice">${t(lang, 'noAdvice')}</strong>: ${note}</p></section>`;
  const auth = a.competentAuthority;
  const authUrl = safeUrl(auth?.url);
  return html`<section aria-labelledby="advice-h" id="advice"><h2 id="advice-h" data-i18n="adviceHeading">${t(lang, 'adviceHeading')}</h2>
<p>${a.summary}</p>
<dl>
<dt data-i18n="route">${t(lang, 'route')}</dt><dd data-route="${a.route}">${t(lang, a.route as LabelKey)}</dd>
<dt data-i18n="authority">${t(lang, 'authority')}</dt><dd id="authority">${auth ? (authUrl ? html`<a href="${authUrl}">${auth.name}</a>` : auth.name) : t(lang, 'unknown')}</dd>
</dl>
${a.steps.length ? html`<h3 data-i18n="steps">${t(lang, 'steps')}</h3><ol id="steps">${a.steps.map((s) => html`<li>${s}</li>`)}</ol>` : ''}
${descriptionsPart(lang, a.authorisedDescriptions ?? [])}
</section>`;
}

/** Published binational descriptions that experts of both countries approved for this pair (issue 15). */
function descriptionsPart(lang: PageLang, ds: DescriptionCitation[]): SafeHtml | '' {
  if (!ds.length) return '';
  return html`<h3 data-i18n="descriptionsHeading">${t(lang, 'descriptionsHeading')}</h3>
<ul id="descriptions">${ds.map(
    (d) => html`<li data-description="${d.key}"><strong>${d.title}</strong> (v${String(d.version)}, <span data-i18n="publishedOn">${t(lang, 'publishedOn')}</span> ${d.publishedAt.slice(0, 10)})
${d.text.canDo.length ? html`<p data-i18n="descriptionCanDo">${t(lang, 'descriptionCanDo')}</p><ul lang="${d.text.lang}">${d.text.canDo.map((x) => html`<li>${x}</li>`)}</ul>` : ''}
${d.text.differences.length ? html`<p data-i18n="descriptionDifferences">${t(lang, 'descriptionDifferences')}</p><ul lang="${d.text.lang}">${d.text.differences.map((x) => html`<li>${x}</li>`)}</ul>` : ''}</li>`,
  )}</ul>`;
}

function resultSection(lang: PageLang, r: ResultView): SafeHtml {
  const { report } = r;
  const facts = credentialFacts(r.credential, lang);
  const failed = report.checks.filter((c) => c.status === 'FAIL');
  const yesNo = (b: boolean) => label(lang, b ? 'yes' : 'no');
  return html`<section aria-labelledby="result-h" id="result">
<h2 id="result-h" data-i18n="resultHeading">${t(lang, 'resultHeading')}</h2>
<p id="verdict" role="status" class="verdict ${report.valid ? 'verdict-valid' : 'verdict-invalid'}" data-valid="${String(report.valid)}" data-i18n="${report.valid ? 'valid' : 'invalid'}">${t(lang, report.valid ? 'valid' : 'invalid')}</p>
${failed.length ? html`<h3 data-i18n="whyInvalid">${t(lang, 'whyInvalid')}</h3><ul id="why">${failed.map((c) => html`<li data-check="${c.check}"><strong>${t(lang, c.check as LabelKey) ?? c.check}</strong>: ${reasonText(lang, c.reason, c.message)}</li>`)}</ul>` : ''}
<h3 data-i18n="issuerHeading">${t(lang, 'issuerHeading')}</h3>
<dl id="issuer">
<dt data-i18n="issuerName">${t(lang, 'issuerName')}</dt><dd>${r.issuer?.name ?? label(lang, 'unknown')}</dd>
<dt data-i18n="issuerJurisdiction">${t(lang, 'issuerJurisdiction')}</dt><dd>${r.issuer?.jurisdiction ?? label(lang, 'unknown')}</dd>
<dt data-i18n="issuerTrusted">${t(lang, 'issuerTrusted')}</dt><dd id="issuer-registered">${yesNo(!!r.issuer)}</dd>
<dt data-i18n="issuerDid">${t(lang, 'issuerDid')}</dt><dd><code>${report.issuer ?? '—'}</code></dd>
</dl>
${facts ? html`<h3 data-i18n="credentialHeading">${t(lang, 'credentialHeading')}</h3>
<dl id="credential-facts">
${facts.type ? html`<dt data-i18n="credentialType">${t(lang, 'credentialType')}</dt><dd data-i18n="${facts.type}">${t(lang, facts.type)}</dd>` : ''}
${facts.title ? html`<dt data-i18n="credentialTitle">${t(lang, 'credentialTitle')}</dt><dd id="credential-title">${facts.title}</dd>` : ''}
${facts.holder ? html`<dt data-i18n="holder">${t(lang, 'holder')}</dt><dd>${facts.holder}</dd>` : ''}
${facts.level ? html`<dt data-i18n="level">${t(lang, 'level')}</dt><dd>${facts.level}</dd>` : ''}
${facts.awardedOn ? html`<dt data-i18n="awardedOn">${t(lang, 'awardedOn')}</dt><dd>${facts.awardedOn}</dd>` : ''}
${facts.validFrom ? html`<dt data-i18n="validFrom">${t(lang, 'validFrom')}</dt><dd>${facts.validFrom}</dd>` : ''}
<dt data-i18n="validUntil">${t(lang, 'validUntil')}</dt><dd>${facts.validUntil ?? label(lang, 'noExpiry')}</dd>
<dt data-i18n="statusLabel">${t(lang, 'statusLabel')}</dt><dd id="credential-status" data-i18n="${statusKey(report)}">${t(lang, statusKey(report))}</dd>
</dl>` : ''}
<h3 data-i18n="checksHeading">${t(lang, 'checksHeading')}</h3>
<table id="checks"><thead><tr><th scope="col" data-i18n="checkColumn">${t(lang, 'checkColumn')}</th><th scope="col" data-i18n="outcomeColumn">${t(lang, 'outcomeColumn')}</th><th scope="col" data-i18n="reasonColumn">${t(lang, 'reasonColumn')}</th></tr></thead>
<tbody>${report.checks.map((c) => checkRow(lang, c))}</tbody></table>
</section>
${adviceSection(lang, r.advice, r.adviceNote)}`;
}

/**
 * A link to the page in another language; on the result of a posted credential, a button that posts the form
 * again in that language, so the reader keeps the result (a link would lose the credential).
 */
function languageSwitch(m: PageModel, l: PageLang): SafeHtml {
  const current = l === m.lang ? new SafeHtml(' aria-current="page"') : '';
  if (m.method === 'post' && m.result && !m.hideForm) {
    return html`<button type="submit" form="verify-form" name="switchLang" value="${l}" class="lang-switch" lang="${l}"${current}>${LANG_NAMES[l]}</button>`;
  }
  return html`<a href="${m.langHref(l)}" lang="${l}" hreflang="${l}"${current}>${LANG_NAMES[l]}</a>`;
}

export function renderPage(m: PageModel): string {
  const { lang } = m;
  const heading = m.heading ?? 'pageTitle';
  return `<!doctype html>\n${html`<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(lang, heading)}</title>
<style>${new SafeHtml(PAGE_CSS)}</style></head>
<body>
<a class="skip" href="#main" data-i18n="skip">${t(lang, 'skip')}</a>
<header><h1 data-i18n="${heading}">${t(lang, heading)}</h1>
<nav aria-label="${t(lang, 'language')}" data-i18n-aria="language"><ul>${PAGE_LANGS.map((l) => html`<li>${languageSwitch(m, l)}</li>`)}</ul></nav>
</header>
<main id="main">
${m.notice ? html`<p class="notice" role="alert" id="notice" data-i18n="${m.notice}">${t(lang, m.notice)}</p>` : ''}
${m.pasteForm ? html`<p data-i18n="intro">${t(lang, 'intro')}</p>` : ''}
${m.result ? resultSection(lang, m.result) : ''}
${m.pdfHref ? html`<p><a id="pdf-link" href="${m.pdfHref}" data-i18n="printPdf">${t(lang, 'printPdf')}</a></p>` : ''}
${m.hideForm ? '' : form(m)}
</main>
</body></html>`}`;
}

/** Every label the page may show in a language; for tests that a language switch leaves none behind. */
export const labelsOf = (lang: PageLang) => LABELS[lang];
