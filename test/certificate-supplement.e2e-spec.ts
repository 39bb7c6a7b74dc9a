/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { hasChromium, openBrowser } from './support/browser';
import { rowCounts } from './support/row-counts';
import { startTestApp, TestApp } from './support/test-app';

const SUPPLEMENT = `query($id: ID!, $lang: Language) { certificateSupplement(qualificationId: $id, lang: $lang) {
  key lang originalTitle originalLanguage translatedTitle code framework nationalLevel eqfLevel
  units { code title hours outcomes { text lang dimension } } occupations awardingBodies { name } competentBodies { name }
  legalBasis durationMonths routes hoursTotal ects sources { url title } htmlUrl pdfUrl } }`;

const unescape = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

describe('Europass certificate supplement', () => {
  let t: TestApp;
  let vig: string;
  let file: any;
  const local = (url: string) => `${t.baseUrl}${new URL(url).pathname}${new URL(url).search}`;

  beforeAll(async () => {
    t = await startTestApp();
    const ids = (await t.gql('{ qualifications(first: 100) { edges { node { id key } } } }')).data.qualifications.edges;
    vig = ids.find((e: any) => e.node.key === 'nl-mbo-25656-verzorgende-ig').node.id;
    file = (await t.gql(`{ exportQualification(id: "${vig}") }`)).data.exportQualification;
  });
  afterAll(async () => t?.close());

  it('Verzorgende-IG in German: title, level, units and sources from the catalogue, in GraphQL', async () => {
    const r = await t.gql(SUPPLEMENT, { id: vig, lang: 'de' });
    expect(r.errors).toBeUndefined();
    const s = r.data.certificateSupplement;
    expect(s).toMatchObject({ key: file.key, lang: 'de', originalTitle: file.title.nl, originalLanguage: 'nl', translatedTitle: file.title.de, code: file.code, framework: 'NLQF', nationalLevel: '3', eqfLevel: 3 });
    expect(s.units.map((u: any) => u.title)).toEqual(file.units.map((u: any) => u.title.de));
    expect(s.units.map((u: any) => u.outcomes.map((o: any) => o.text))).toEqual(file.units.map((u: any) => u.outcomes.map((o: any) => o.text)));
    expect(s.sources).toEqual(file.sources.map((x: any) => ({ url: x.url, title: x.title ?? null })));
    expect(s).toMatchObject({ legalBasis: file.legalBasis, durationMonths: file.durationMonths, routes: file.workload.routes, hoursTotal: null, ects: null, awardingBodies: [] });
    expect(s.occupations).toHaveLength(file.professions.length);
    expect(s.htmlUrl).toMatch(new RegExp(`/qualifications/${vig}/certificate-supplement\\?lang=de$`));
    const bad = await t.gql(SUPPLEMENT, { id: 'not-a-uuid', lang: 'de' });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/qualificationId/);
  });

  it('the HTML page shows only values from the qualification file, and says where the file states nothing', async () => {
    const { certificateSupplement: s } = (await t.gql(SUPPLEMENT, { id: vig, lang: 'de' })).data;
    const before = await rowCounts(t.dataSource);
    const res = await fetch(local(s.htmlUrl));
    expect(res.status).toBe(200);
    const page = await res.text();
    const professions = new Map<string, any>((await t.gql('{ professions { key title { de } } }')).data.professions.map((p: any) => [p.key, p.title]));
    const expected = (field: string): string => {
      let m: RegExpMatchArray | null;
      if ((m = field.match(/^title\.(\w+)$/))) return file.title[m[1]];
      if (field.startsWith('code')) return file.code;
      if ((m = field.match(/^units\[(\d+)\]\.title$/))) return file.units[+m[1]].title.de;
      if ((m = field.match(/^units\[(\d+)\]\.hours$/))) return String(file.units[+m[1]].hours);
      if ((m = field.match(/^units\[(\d+)\]\.outcomes\[(\d+)\]\.text$/))) return file.units[+m[1]].outcomes[+m[2]].text;
      if ((m = field.match(/^professions\[(\d+)\]$/))) return professions.get(file.professions[+m[1]]).de;
      if ((m = field.match(/^sources\[(\d+)\]$/))) return file.sources[+m[1]].url;
      if (field === 'level') return `${file.framework} ${file.nationalLevel} · EQF ${file.eqfLevel}`;
      if (field === 'legalBasis') return file.legalBasis;
      if (field === 'durationMonths') return String(file.durationMonths);
      if (field === 'workload.routes') return file.workload.routes.join(', ');
      if (field === 'validFrom') return file.validFrom;
      throw new Error(`field ${field} is shown but not checked against the file`);
    };
    const shown = [...page.matchAll(/<(\w+)[^>]*data-field="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => ({ field: m[2], text: unescape(m[3]) }));
    expect(shown.length).toBeGreaterThan(15);
    for (const x of shown) expect({ field: x.field, shows: x.text.includes(expected(x.field)) }).toEqual({ field: x.field, shows: true });
    for (const field of ['title.nl', 'title.de', 'level', 'units[0].title', 'units[2].title', 'sources[0]', `sources[${file.sources.length - 1}]`]) expect(shown.map((x) => x.field)).toContain(field);
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('3. Profil der beruflichen Handlungsfähigkeit');
    // No awarding body in the file: the page says so instead of inventing one.
    expect(page).toMatch(/Name und Status der ausstellenden Stelle<\/h3><span class="hint">In der Qualifikationsbeschreibung nicht angegeben.<\/span>/);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('the PDF carries the same title, level, units and sources', async () => {
    const { certificateSupplement: s } = (await t.gql(SUPPLEMENT, { id: vig, lang: 'de' })).data;
    const res = await fetch(local(s.pdfUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/pdf/);
    const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
    // pdf-parse marks page breaks ("-- 1 of 2 --"), also inside a URL that runs over a page end.
    const raw = (await parser.getText()).text.replace(/--\s*\d+ of \d+\s*--/g, '');
    await parser.destroy();
    const flat = raw.replace(/\s+/g, ' ');
    const nospace = raw.replace(/\s+/g, '');
    expect(flat).toContain('Europass Zeugniserläuterung');
    expect(flat).toContain(file.title.nl);
    expect(flat).toContain(file.title.de);
    expect(flat).toContain('NLQF 3 · EQF 3');
    for (const u of file.units) expect(flat).toContain(u.title.de);
    for (const src of file.sources) expect(nospace).toContain(src.url.replace(/\s+/g, ''));
  });

  (hasChromium ? it : it.skip)('the HTML page passes axe-core with no serious or critical violation', async () => {
    const b = await openBrowser();
    try {
      const { certificateSupplement: s } = (await t.gql(SUPPLEMENT, { id: vig, lang: 'nl' })).data;
      await b.page.goto(local(s.htmlUrl));
      await b.screenshot('certificate-supplement-vig-nl');
      await b.page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
      const result: any = await b.page.evaluate(() => (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
      expect(result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => v.id)).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
