import type { EqfDimension } from '../../catalogue/domain/qualification-file.schema';
import { LAW_TEMPLATES } from './messages-law';
import type { ReportLang } from './types';

type Params = Record<string, string | number>;
type Template = Record<ReportLang, string>;

/** Legal yardsticks cited in explanations; citations stay in their own wording. */
export const LAW = {
  art11: 'Directive 2005/36/EC Art. 11',
  art13: 'Directive 2005/36/EC Art. 13',
  art13_4: 'Directive 2005/36/EC Art. 13(4) as amended by Directive 2013/55/EU',
  art14_2: 'Directive 2005/36/EC Art. 14(2)',
  dir2013: 'Directive 2013/55/EU (OJ L 354, 28.12.2013)',
  art31_3: 'Directive 2005/36/EC Art. 31(3)',
  pflaprv1: 'PflAPrV §1',
  bqfg9_11: 'BQFG §§9–11',
  art14_1: 'Directive 2005/36/EC Art. 14(1)–(3)',
  art14_4: 'Directive 2005/36/EC Art. 14(4)',
  art14_5: 'Directive 2005/36/EC Art. 14(5)',
  bqfg4: 'BQFG §4(2)',
  bqfg4_3: 'BQFG §4(2) no. 3',
  bqfg7: 'BQFG §7(2)',
  lisbonLevel: 'Lisbon Recognition Convention: level',
  lisbonWorkload: 'Lisbon Recognition Convention: workload and profile',
  lisbonOutcomes: 'Lisbon Recognition Convention: learning outcomes',
  lisbon: 'Lisbon Recognition Convention Art. VI.1 (recognise unless a substantial difference is shown)',
} as const;

const T: Record<string, Template> = {
  'dim.KNOWLEDGE': { nl: 'kennis', de: 'Wissen', en: 'knowledge' },
  'dim.SKILLS': { nl: 'vaardigheden', de: 'Fertigkeiten', en: 'skills' },
  'dim.RESPONSIBILITY_AUTONOMY': {
    nl: 'verantwoordelijkheid en zelfstandigheid',
    de: 'Verantwortung und Selbstständigkeit',
    en: 'responsibility and autonomy',
  },
  'diff.level': {
    nl: 'Niveauverschil: houder EQF {h}, referentie EQF {r} (verschil {gap}). Alleen gemeld: de niveaus van art. 11 zijn geen EQF-niveaus en een niveauverschil is op zich geen weigeringsgrond; het kan de gevonden inhoudelijke verschillen (art. 14) onderbouwen.',
    de: 'Niveauunterschied: Inhaber EQR {h}, Referenz EQR {r} (Abstand {gap}). Nur gemeldet: die Niveaus des Art. 11 sind keine EQR-Niveaus, und ein Niveauunterschied allein ist kein Ablehnungsgrund; er kann die festgestellten inhaltlichen Unterschiede (Art. 14) stützen.',
    en: 'Level gap: holder EQF {h}, reference EQF {r} (gap {gap}). Reported only: Art. 11 levels are not EQF levels, and a level gap alone is no ground for refusal; it can support the content differences found (Art. 14).',
  },
  'diff.unit': {
    nl: 'Onderdeel "{title}": dekking {cov} onder de drempel {thr}; ontbreekt: {missing}.',
    de: 'Einheit "{title}": Abdeckung {cov} unter der Schwelle {thr}; es fehlt: {missing}.',
    en: 'Unit "{title}": coverage {cov} below the threshold {thr}; missing: {missing}.',
  },
  'diff.dimension': {
    nl: 'Dimensie {dim}: dekking {cov} onder de drempel {thr}; ontbreekt: {missing}.',
    de: 'Dimension {dim}: Abdeckung {cov} unter der Schwelle {thr}; es fehlt: {missing}.',
    en: 'Dimension {dim}: coverage {cov} below the threshold {thr}; missing: {missing}.',
  },
  'diff.duration': {
    nl: 'Duur: houder {h} maanden, referentie {r} maanden ({d} maanden korter).',
    de: 'Dauer: Inhaber {h} Monate, Referenz {r} Monate ({d} Monate kürzer).',
    en: 'Duration: holder {h} months, reference {r} months ({d} months shorter).',
  },
  'diff.workload': {
    nl: 'Studielast: houder {h} uur, referentie {r} uur ({p} minder).',
    de: 'Arbeitsaufwand: Inhaber {h} Stunden, Referenz {r} Stunden ({p} weniger).',
    en: 'Workload: holder {h} hours, reference {r} hours ({p} less).',
  },
  'diff.compensated': {
    nl: ' Gecompenseerd door beroepservaring.',
    de: ' Durch Berufserfahrung ausgeglichen.',
    en: ' Compensated by professional experience.',
  },
  'reason.floor': {
    nl: 'De totale dekking van de leerresultaten ({cov}) ligt onder de ondergrens {floor}.',
    de: 'Die Gesamtabdeckung der Lernergebnisse ({cov}) liegt unter der Untergrenze {floor}.',
    en: 'Overall learning-outcome coverage ({cov}) is below the floor {floor}.',
  },
  'comp.note': {
    nl: 'Compensatie alleen voor de gevonden wezenlijke verschillen, per verschil begrensd tot de onderdelen die het betreft.',
    de: 'Ausgleichsmaßnahmen nur für die festgestellten wesentlichen Unterschiede, je Unterschied auf die betroffenen Einheiten beschränkt.',
    en: 'Compensation is limited to the substantial differences found, each to the units it concerns.',
  },
  'est.unitHours': {
    nl: '{title}: {hours} uur, waarvan {gap} niet gedekt = {missing} uur',
    de: '{title}: {hours} Std., davon {gap} nicht abgedeckt = {missing} Std.',
    en: '{title}: {hours} h, of which {gap} not covered = {missing} h',
  },
  'est.unitShare': {
    nl: '{title}: uren onbekend, aandeel {share} (naar leerresultaten) van {total} uur = {hours} uur, waarvan {gap} niet gedekt = {missing} uur',
    de: '{title}: Stunden unbekannt, Anteil {share} (nach Lernergebnissen) von {total} Std. = {hours} Std., davon {gap} nicht abgedeckt = {missing} Std.',
    en: '{title}: hours unknown, share {share} (by learning outcomes) of {total} h = {hours} h, of which {gap} not covered = {missing} h',
  },
  'est.totalFromDuration': {
    nl: 'totale uren van de referentie geschat als {months} maanden × {hpm} uur = {total} uur',
    de: 'Gesamtstunden der Referenz geschätzt als {months} Monate × {hpm} Std. = {total} Std.',
    en: 'total hours of the reference estimated as {months} months × {hpm} h = {total} h',
  },
  'est.none': {
    nl: 'Geen uren of duur van de referentie bekend: de duur van een aanpassingsstage kan niet worden geschat.',
    de: 'Keine Stunden oder Dauer der Referenz bekannt: die Dauer eines Anpassungslehrgangs kann nicht geschätzt werden.',
    en: 'No hours or duration of the reference are known: the length of an adaptation period cannot be estimated.',
  },
  'rule.policy': {
    nl: 'Beleid {key} versie {version}; engine {engine}.',
    de: 'Richtlinie {key} Version {version}; Engine {engine}.',
    en: 'Policy {key} version {version}; engine {engine}.',
  },
  'rule.level': {
    nl: 'Niveau: houder {hf} {hn} = EQF {h}, referentie {rf} {rn} = EQF {r}; verschil {gap}; art. 11: {ha} / {ra}.',
    de: 'Niveau: Inhaber {hf} {hn} = EQR {h}, Referenz {rf} {rn} = EQR {r}; Abstand {gap}; Art. 11: {ha} / {ra}.',
    en: 'Level: holder {hf} {hn} = EQF {h}, reference {rf} {rn} = EQF {r}; gap {gap}; Art. 11: {ha} / {ra}.',
  },
  'rule.workload': {
    nl: 'Studielast en profiel: duur {hd} / {rd} maanden, uren {hh} / {rh}, praktijkaandeel {hp} / {rp}, profiel {hprof} / {rprof}.',
    de: 'Arbeitsaufwand und Profil: Dauer {hd} / {rd} Monate, Stunden {hh} / {rh}, Praxisanteil {hp} / {rp}, Profil {hprof} / {rprof}.',
    en: 'Workload and profile: duration {hd} / {rd} months, hours {hh} / {rh}, practice share {hp} / {rp}, profile {hprof} / {rprof}.',
  },
  'rule.profile': {
    nl: 'Leerweg verschilt ({hprof} tegenover {rprof}); informatief, geen wezenlijk verschil op zich.',
    de: 'Ausbildungsform unterscheidet sich ({hprof} gegenüber {rprof}); informativ, für sich kein wesentlicher Unterschied.',
    en: 'Training profile differs ({hprof} against {rprof}); informative, not a substantial difference in itself.',
  },
  'rule.durationShortfall': {
    nl: 'Duur {d} maanden korter ≥ drempel {thr} maanden: wezenlijk verschil in duur.',
    de: 'Dauer {d} Monate kürzer ≥ Schwelle {thr} Monate: wesentlicher Unterschied in der Dauer.',
    en: 'Duration {d} months shorter ≥ threshold {thr} months: substantial difference in duration.',
  },
  'rule.workloadShortfall': {
    nl: 'Studielast {p} lager ≥ drempel {thr}: wezenlijk verschil in studielast.',
    de: 'Arbeitsaufwand {p} geringer ≥ Schwelle {thr}: wesentlicher Unterschied im Umfang.',
    en: 'Workload {p} lower ≥ threshold {thr}: substantial difference in workload.',
  },
  'rule.essentialPolicy': {
    nl: 'Beleid markeert {n} onderdelen als wezenlijk voor het beroep: {units}.',
    de: 'Die Richtlinie kennzeichnet {n} Einheiten als wesentlich für den Beruf: {units}.',
    en: 'The policy marks {n} units as essential to the profession: {units}.',
  },
  'rule.essentialAll': {
    nl: 'Beleid markeert geen onderdelen; alle {n} onderdelen met leerresultaten gelden als wezenlijk.',
    de: 'Die Richtlinie kennzeichnet keine Einheiten; alle {n} Einheiten mit Lernergebnissen gelten als wesentlich.',
    en: 'The policy marks no units; all {n} units with learning outcomes count as essential.',
  },
  'rule.matching': {
    nl: 'Matching: expertkoppelingen eerst ({a} bevestigd, {x} afgewezen); ESCO-maat {measure} (combineren: {combine}); lexicaal alleen binnen dezelfde taal (gewicht {lw}); andere dimensie × {cdf}; minimumscore {min}; een leerresultaat is gedekt vanaf {oc}.',
    de: 'Abgleich: Expertenzuordnungen zuerst ({a} bestätigt, {x} abgelehnt); ESCO-Maß {measure} (kombiniert: {combine}); lexikalisch nur innerhalb derselben Sprache (Gewicht {lw}); andere Dimension × {cdf}; Mindestwert {min}; ein Lernergebnis gilt ab {oc} als abgedeckt.',
    en: 'Matching: expert mappings first ({a} asserted, {x} rejected); ESCO measure {measure} (combined: {combine}); lexical only within the same language (weight {lw}); other dimension × {cdf}; minimum score {min}; an outcome counts as covered from {oc}.',
  },
  'rule.coverage': {
    nl: 'Dekking: totaal {overall}, wezenlijke onderdelen {essential}; {dims}.',
    de: 'Abdeckung: gesamt {overall}, wesentliche Einheiten {essential}; {dims}.',
    en: 'Coverage: overall {overall}, essential units {essential}; {dims}.',
  },
  'rule.unitBelow': {
    nl: 'Onderdeel {unit}: dekking {cov} < {thr}: wezenlijk verschil in inhoud.',
    de: 'Einheit {unit}: Abdeckung {cov} < {thr}: wesentlicher inhaltlicher Unterschied.',
    en: 'Unit {unit}: coverage {cov} < {thr}: substantial difference in content.',
  },
  'rule.unitNotAssessable': {
    nl: 'Onderdeel {unit} heeft geen leerresultaten en is niet vergeleken.',
    de: 'Einheit {unit} hat keine Lernergebnisse und wurde nicht verglichen.',
    en: 'Unit {unit} has no learning outcomes and was not compared.',
  },
  'rule.dimensionBelow': {
    nl: 'Dimensie {dim}: dekking {cov} < {thr}: verschil.',
    de: 'Dimension {dim}: Abdeckung {cov} < {thr}: Unterschied.',
    en: 'Dimension {dim}: coverage {cov} < {thr}: difference.',
  },
  'rule.experience': {
    nl: 'Verschil {id}: ervaring toont {shown} van {n} ontbrekende ESCO-vaardigheden ({share}, drempel {thr}): {result}.',
    de: 'Unterschied {id}: Erfahrung zeigt {shown} von {n} fehlenden ESCO-Fertigkeiten ({share}, Schwelle {thr}): {result}.',
    en: 'Difference {id}: experience shows {shown} of {n} missing ESCO skills ({share}, threshold {thr}): {result}.',
  },
  'rule.experienceYears': {
    nl: 'Verschil {id}: {years} jaar ervaring tegenover {need} jaar ontbrekende opleiding: {result}.',
    de: 'Unterschied {id}: {years} Jahre Erfahrung gegenüber {need} Jahren fehlender Ausbildung: {result}.',
    en: 'Difference {id}: {years} years of experience against {need} years of missing training: {result}.',
  },
  'rule.experienceIgnored': {
    nl: 'Ervaring {i} ({years} jaar) is korter dan het minimum van {min} jaar en telt niet.',
    de: 'Erfahrung {i} ({years} Jahre) ist kürzer als das Minimum von {min} Jahren und zählt nicht.',
    en: 'Experience {i} ({years} years) is below the minimum of {min} years and does not count.',
  },
  'rule.floor': {
    nl: 'Totale dekking {cov} < ondergrens {floor}.',
    de: 'Gesamtabdeckung {cov} < Untergrenze {floor}.',
    en: 'Overall coverage {cov} < floor {floor}.',
  },
  'rule.noOutcomes': {
    nl: 'De referentie heeft geen leerresultaten: de inhoud kon niet worden vergeleken en levert geen aangetoond verschil op.',
    de: 'Die Referenz hat keine Lernergebnisse: der Inhalt konnte nicht verglichen werden und begründet keinen nachgewiesenen Unterschied.',
    en: 'The reference has no learning outcomes: content could not be compared and shows no difference.',
  },
  'rule.verdictFull': {
    nl: 'Geen niet-gecompenseerde wezenlijke verschillen: volledige gelijkwaardigheid.',
    de: 'Keine nicht ausgeglichenen wesentlichen Unterschiede: volle Gleichwertigkeit.',
    en: 'No uncompensated substantial differences: full equivalence.',
  },
  'rule.verdictPartial': {
    nl: '{n} niet-gecompenseerde wezenlijke verschillen: gedeeltelijke gelijkwaardigheid, compensatie voorgesteld.',
    de: '{n} nicht ausgeglichene wesentliche Unterschiede: teilweise Gleichwertigkeit, Ausgleichsmaßnahmen vorgeschlagen.',
    en: '{n} uncompensated substantial differences: partial equivalence, compensation suggested.',
  },
  'rule.verdictNone': {
    nl: 'Geen gelijkwaardigheid; de redenen en de gevonden verschillen staan in het rapport.',
    de: 'Keine Gleichwertigkeit; die Gründe und die festgestellten Unterschiede stehen im Bericht.',
    en: 'No equivalence; the reasons and the differences found are listed in the report.',
  },
  'rule.adaptation': {
    nl: 'Aanpassingsstage geschat op {months} maanden ({hours} uur).',
    de: 'Anpassungslehrgang geschätzt auf {months} Monate ({hours} Stunden).',
    en: 'Adaptation period estimated at {months} months ({hours} hours).',
  },
  'nearest.skills': {
    nl: '{n} gedeelde ESCO-vaardigheden',
    de: '{n} gemeinsame ESCO-Fertigkeiten',
    en: '{n} shared ESCO skills',
  },
  'nearest.skill': {
    nl: '1 gedeelde ESCO-vaardigheid',
    de: '1 gemeinsame ESCO-Fertigkeit',
    en: '1 shared ESCO skill',
  },
  'nearest.noSkill': {
    nl: 'geen gedeelde ESCO-vaardigheid',
    de: 'keine gemeinsame ESCO-Fertigkeit',
    en: 'no shared ESCO skill',
  },
  'nearest.level': { nl: 'EQF {l} ({gap})', de: 'EQR {l} ({gap})', en: 'EQF {l} ({gap})' },
  'nearest.sameLevel': { nl: 'EQF {l} (zelfde niveau)', de: 'EQR {l} (gleiches Niveau)', en: 'EQF {l} (same level)' },
  'nearest.isco': {
    nl: 'beroepen in dezelfde ISCO-hoofdgroep {g}',
    de: 'Berufe in derselben ISCO-Berufshauptgruppe {g}',
    en: 'professions in the same ISCO major group {g}',
  },
  'nearest.iscoOther': {
    nl: 'beroepen in een andere ISCO-hoofdgroep',
    de: 'Berufe in einer anderen ISCO-Berufshauptgruppe',
    en: 'professions in another ISCO major group',
  },
  'word.compensated': { nl: 'gecompenseerd', de: 'ausgeglichen', en: 'compensated' },
  'word.notCompensated': { nl: 'niet gecompenseerd', de: 'nicht ausgeglichen', en: 'not compensated' },
  'word.unknown': { nl: 'onbekend', de: 'unbekannt', en: 'unknown' },
  'word.met': { nl: 'voldaan', de: 'erfüllt', en: 'met' },
  'word.notMet': { nl: 'niet voldaan', de: 'nicht erfüllt', en: 'not met' },
  'word.holder': { nl: 'houder', de: 'Inhaber', en: 'holder' },
  'word.reference': { nl: 'referentie', de: 'Referenz', en: 'reference' },
  'word.none': { nl: 'geen', de: 'keine', en: 'none' },
  'word.yes': { nl: 'ja', de: 'ja', en: 'yes' },
  'word.no': { nl: 'nee', de: 'nein', en: 'no' },
  'word.moreOutcomes': { nl: 'en {n} meer', de: 'und {n} weitere', en: 'and {n} more' },
};

// The templates of the legal regime, training minimums, documents, measures and sensitivity live beside these.
Object.assign(T, LAW_TEMPLATES);

export const MESSAGE_CODES = Object.keys(T);

export function msg(lang: ReportLang, code: string, params: Params = {}): string {
  const template = T[code]?.[lang] ?? T[code]?.en ?? code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

export function dimensionLabel(lang: ReportLang, d: EqfDimension): string {
  return msg(lang, `dim.${d}`);
}

export function pct(x: number | null, lang: ReportLang): string {
  return x === null ? msg(lang, 'word.unknown') : `${Math.round(x * 100)}%`;
}

export function num(x: number | string | null | undefined, lang: ReportLang): string {
  return x === null || x === undefined ? msg(lang, 'word.unknown') : String(x);
}
