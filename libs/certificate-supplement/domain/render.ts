import { html, SafeHtml, safeUrl } from '../../verify-page/domain/html';
import { PAGE_CSS } from '../../verify-page/domain/render';
import { SUPPLEMENT_LABELS, SupplementLabel } from './labels';
import type { Supplement } from './supplement';

export const levelText = (s: Supplement) => `${s.framework} ${s.nationalLevel} · EQF ${s.eqfLevel}`;

/** The supplement as an HTML page; every value shown carries data-field naming the file field it comes from. */
export function renderSupplement(s: Supplement, pdfHref: string): string {
  const L = (k: SupplementLabel) => SUPPLEMENT_LABELS[s.lang][k];
  const none = html`<span class="hint">${L('notStated')}</span>`;
  const link = (name: string, url: string | null) => (safeUrl(url) ? html`<a href="${safeUrl(url)!}">${name}</a>` : name);
  const bodies = (field: string, list: Supplement['awardingBodies']) => (list.length ? html`<ul>${list.map((b) => html`<li data-field="${field}">${link(b.name, b.url)}</li>`)}</ul>` : none);
  const row = (label: SupplementLabel, field: string, v: string | number | null, suffix = '') => html`<dt>${L(label)}</dt><dd>${v === null ? none : html`<span data-field="${field}">${String(v)}</span>${suffix ? ` ${suffix}` : ''}`}</dd>`;
  return `<!doctype html>\n${html`<html lang="${s.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L('europass')} ${L('doc')}: ${s.originalTitle}</title>
<style>${new SafeHtml(PAGE_CSS)}</style></head>
<body><header><h1>${L('europass')} ${L('doc')}</h1>
<nav aria-label="Language"><ul>${(['nl', 'de', 'en'] as const).map((l) => html`<li><a href="?lang=${l}" lang="${l}" hreflang="${l}">${{ nl: 'Nederlands', de: 'Deutsch', en: 'English' }[l]}</a></li>`)}<li><a href="${pdfHref}">PDF</a></li></ul></nav></header>
<main>
<section><h2>${L('s1')}</h2><p lang="${s.originalLanguage}" data-field="title.${s.originalLanguage}">${s.originalTitle}</p>
<dl>${row('code', s.codeScheme ? `code (${s.codeScheme})` : 'code', s.code)}</dl></section>
<section><h2>${L('s2')}</h2><p>${s.translatedTitle ? html`<span data-field="title.${s.lang}">${s.translatedTitle}</span>` : html`<span class="hint">${L('sameAsOriginal')}</span>`}</p></section>
<section><h2>${L('s3')}</h2>
${s.units.length ? s.units.map((u, i) => html`<h3 data-field="units[${i}].title">${u.code ? `${u.code}: ` : ''}${u.title}</h3>
${u.hours !== null ? html`<p data-field="units[${i}].hours">${u.hours} ${L('hours')}</p>` : ''}
<ul>${u.outcomes.map((o, j) => html`<li lang="${o.lang}"><span class="hint">${L(o.dimension as SupplementLabel)}:</span> <span data-field="units[${i}].outcomes[${j}].text">${o.text}</span></li>`)}</ul>`) : none}
</section>
<section><h2>${L('s4')}</h2>${s.occupations.length ? html`<ul>${s.occupations.map((o, i) => html`<li data-field="professions[${i}]">${o}</li>`)}</ul>` : none}</section>
<section><h2>${L('s5')}</h2>
<h3>${L('awardingBody')}</h3>${bodies('bodies.AWARDING', s.awardingBodies)}
<h3>${L('competentBody')}</h3>${bodies('bodies.COMPETENT', s.competentBodies)}
${s.standardSettingBodies.length ? html`<h3>${L('standardSetting')}</h3>${bodies('bodies.STANDARD_SETTING', s.standardSettingBodies)}` : ''}
<dl>${row('level', 'level', levelText(s))}
${s.art11Level ? row('art11', 'art11Level', s.art11Level) : ''}
${row('legalBasis', 'legalBasis', s.legalBasis)}
${row('validity', 'validFrom', s.validFrom ? `${s.validFrom} – ${s.validUntil ?? ''}` : null)}</dl></section>
<section><h2>${L('s6')}</h2><dl>
${row('duration', 'durationMonths', s.durationMonths, L('months'))}
${row('routes', 'workload.routes', s.routes.length ? s.routes.join(', ') : null)}
${row('hoursTheory', 'workload.hoursTheory', s.hoursTheory)}
${row('hoursPractice', 'workload.hoursPractice', s.hoursPractice)}
${row('hoursTotal', 'workload.hoursTotal', s.hoursTotal)}
${s.ects !== null ? row('ects', 'workload.ects', s.ects) : ''}
${s.ecvet !== null ? row('ecvet', 'workload.ecvet', s.ecvet) : ''}
${s.sbu !== null ? row('sbu', 'workload.sbu', s.sbu) : ''}
</dl></section>
<section><h2>${L('s7')}</h2><ol>${s.sources.map((src, i) => html`<li data-field="sources[${i}]">${link(src.title ?? src.url, src.url)}<br><small>${src.url}</small></li>`)}</ol></section>
<p><small>${L('generated')}</small></p>
</main></body></html>`}`;
}
