export type AdviceLang = 'nl' | 'de' | 'en';

type Table = Record<string, Record<AdviceLang, string>>;

/** Advice texts in nl, de and en; `{name}` placeholders. Citations name decisions and comparisons by title and date, never by id. */
const T: Table = {
  'route.AUTOMATIC_LEVEL_RECOGNITION': {
    en: 'The level of this qualification is recognised automatically in {dest} under {instruments}. This is generic level recognition only: it covers neither programme content nor professional recognition.',
    nl: 'Het niveau van deze kwalificatie wordt in {dest} automatisch erkend op grond van {instruments}. Dit is alleen generieke niveauerkenning: geen erkenning van de inhoud van de opleiding en geen beroepserkenning.',
    de: 'Das Niveau dieser Qualifikation wird in {dest} nach {instruments} automatisch anerkannt. Das ist nur eine allgemeine Niveauanerkennung: sie umfasst weder die Inhalte der Ausbildung noch die Berufsanerkennung.',
  },
  'route.AUTOMATIC_PROFESSIONAL_RECOGNITION': {
    en: 'Automatic professional recognition as {profession} in {dest} under {instruments}: no comparison of content; the competent authority grants access to the profession.',
    nl: 'Automatische beroepserkenning als {profession} in {dest} op grond van {instruments}: geen inhoudelijke vergelijking; de bevoegde autoriteit verleent toegang tot het beroep.',
    de: 'Automatische Berufsanerkennung in {dest} als {profession} nach {instruments}: kein inhaltlicher Vergleich; die zuständige Stelle erteilt den Berufszugang.',
  },
  'route.GENERAL_SYSTEM': {
    en: '{profession} is regulated in {dest}. Recognition follows the general system (Directive 2005/36/EC Art. 13/14; BQFG): the competent authority compares the qualification with the reference qualification and decides on full, partial or no equivalence.',
    nl: '{profession} is in {dest} een gereglementeerd beroep. Erkenning volgt het algemene stelsel (Richtlijn 2005/36/EG art. 13/14; BQFG): de bevoegde autoriteit vergelijkt de kwalificatie met de referentiekwalificatie en beslist over volledige, gedeeltelijke of geen gelijkwaardigheid.',
    de: '{profession} ist in {dest} reglementiert. Die Anerkennung folgt der allgemeinen Regelung (Richtlinie 2005/36/EG Art. 13/14; BQFG): die zuständige Stelle vergleicht die Qualifikation mit dem Referenzberuf und entscheidet über volle, teilweise oder keine Gleichwertigkeit.',
  },
  'route.NOT_REGULATED': {
    en: '{profession} is not regulated in {dest}: no recognition is required and the employer decides whether the diploma is enough. The certificate supplement and the catalogue comparison serve as information.',
    nl: '{profession} is in {dest} niet gereglementeerd: erkenning is niet nodig en de werkgever beslist of het diploma volstaat. Het certificaatsupplement en de vergelijking uit de catalogus dienen als informatie.',
    de: '{profession} ist in {dest} nicht reglementiert: eine Anerkennung ist nicht erforderlich, der Arbeitgeber entscheidet, ob der Abschluss genügt. Die Zeugniserläuterung und der Vergleich aus dem Katalog dienen als Information.',
  },
  'route.INDIVIDUAL_ASSESSMENT': {
    en: 'No automatic recognition applies in {dest} on {asOf}. The qualification needs an individual assessment by the recognition body.',
    nl: 'In {dest} geldt op {asOf} geen automatische erkenning. De kwalificatie moet individueel worden beoordeeld door de erkenningsinstantie.',
    de: 'In {dest} gilt am {asOf} keine automatische Anerkennung. Die Qualifikation muss von der Anerkennungsstelle individuell bewertet werden.',
  },
  'route.UNKNOWN_REGULATION': {
    en: 'The registry has no entry for {profession} in {dest} on {asOf}, so whether it is regulated is not known here. Check the EU Regulated Professions Database or the Anerkennungs-Finder.',
    nl: 'Het register bevat geen gegevens over {profession} in {dest} op {asOf}; of het beroep gereglementeerd is, is hier niet bekend. Raadpleeg de EU-databank van gereglementeerde beroepen of de Anerkennungs-Finder.',
    de: 'Das Register enthält für {dest} am {asOf} keinen Eintrag zu {profession}; ob der Beruf dort reglementiert ist, ist hier nicht bekannt. Prüfen Sie die EU-Datenbank der reglementierten Berufe oder den Anerkennungs-Finder.',
  },
  'outcome.rule': {
    en: 'Expected outcome: {verdict}, as laid down in {citation}.',
    nl: 'Verwachte uitkomst: {verdict}, zoals vastgelegd in {citation}.',
    de: 'Erwartetes Ergebnis: {verdict}, wie in {citation} festgelegt.',
  },
  'outcome.decision': {
    en: 'Expected outcome: {verdict}, based on the published expert decision {citation}.',
    nl: 'Verwachte uitkomst: {verdict}, op grond van het gepubliceerde deskundigenbesluit {citation}.',
    de: 'Erwartetes Ergebnis: {verdict}, gestützt auf die veröffentlichte Expertenentscheidung {citation}.',
  },
  'outcome.decisionElsewhere': {
    en: 'Indicative outcome: {verdict}, based on the published expert decision {citation}, which was taken for {decisionDest} only; for {dest} the competent body decides.',
    nl: 'Indicatieve uitkomst: {verdict}, op grond van het gepubliceerde deskundigenbesluit {citation}, dat alleen voor {decisionDest} is genomen; voor {dest} beslist de bevoegde instantie.',
    de: 'Voraussichtliches Ergebnis: {verdict}, gestützt auf die veröffentlichte Expertenentscheidung {citation}, die nur für {decisionDest} getroffen wurde; für {dest} entscheidet die zuständige Stelle.',
  },
  'outcome.comparison': {
    en: 'Likely outcome: {verdict}, based on the engine’s {citation}. Non-binding: no rule or published expert decision covers this case; the competent body decides.',
    nl: 'Waarschijnlijke uitkomst: {verdict}, op grond van de {citation} door de engine. Niet bindend: geen regel of gepubliceerd deskundigenbesluit dekt dit geval; de bevoegde instantie beslist.',
    de: 'Voraussichtliches Ergebnis: {verdict}, gestützt auf den {citation} durch die Engine. Unverbindlich: keine Regel und keine veröffentlichte Expertenentscheidung deckt diesen Fall ab; es entscheidet die zuständige Stelle.',
  },
  'outcome.information': {
    en: 'For information only (the employer decides): the engine’s {citation} finds {verdict}. Non-binding.',
    nl: 'Alleen ter informatie (de werkgever beslist): de {citation} door de engine komt uit op {verdict}. Niet bindend.',
    de: 'Nur zur Information (der Arbeitgeber entscheidet): der {citation} durch die Engine ergibt {verdict}. Unverbindlich.',
  },
  'cite.decision': {
    en: '“{title}” of {date}',
    nl: '“{title}” van {date}',
    de: '„{title}“ vom {date}',
  },
  'cite.decisionTitle': {
    en: '{holder} compared with {reference} ({dest})',
    nl: '{holder} vergeleken met {reference} ({dest})',
    de: '{holder} im Vergleich mit {reference} ({dest})',
  },
  'cite.comparison': {
    en: 'comparison with {reference} of {date}',
    nl: 'vergelijking met {reference} van {date}',
    de: 'Vergleich mit {reference} vom {date}',
  },
  'outcome.none': {
    en: 'No expected outcome can be given: no rule, published expert decision or reference qualification covers this case.',
    nl: 'Er kan geen verwachte uitkomst worden gegeven: geen regel, gepubliceerd deskundigenbesluit of referentiekwalificatie dekt dit geval.',
    de: 'Ein erwartetes Ergebnis kann nicht angegeben werden: keine Regel, veröffentlichte Expertenentscheidung oder Referenzqualifikation deckt diesen Fall ab.',
  },
  'verdict.FULL': { en: 'full equivalence', nl: 'volledige gelijkwaardigheid', de: 'volle Gleichwertigkeit' },
  'verdict.PARTIAL': { en: 'partial equivalence', nl: 'gedeeltelijke gelijkwaardigheid', de: 'teilweise Gleichwertigkeit' },
  'verdict.NONE': { en: 'no equivalence', nl: 'geen gelijkwaardigheid', de: 'keine Gleichwertigkeit' },
  'verdict.LEVEL': { en: 'recognition of the level', nl: 'erkenning van het niveau', de: 'Anerkennung des Niveaus' },
  'comp.adaptation': {
    en: 'Adaptation period (Anpassungslehrgang) of about {months} months, limited to the differences found',
    nl: 'Aanpassingsstage (Anpassungslehrgang) van ongeveer {months} maanden, beperkt tot de gevonden verschillen',
    de: 'Anpassungslehrgang von etwa {months} Monaten, beschränkt auf die festgestellten Unterschiede',
  },
  'comp.aptitude': {
    en: 'or an aptitude test (Eignungsprüfung) on: {topics}',
    nl: 'of een bekwaamheidsproef (Eignungsprüfung) over: {topics}',
    de: 'oder eine Eignungsprüfung zu: {topics}',
  },
  'comp.choice': {
    en: 'The applicant normally chooses between adaptation period (up to 3 years) and aptitude test (Directive 2005/36/EC Art. 14(1)–(3)); professional experience can make up for differences (Art. 14(5), BQFG §4(2)).',
    nl: 'De aanvrager kiest normaal tussen aanpassingsstage (ten hoogste 3 jaar) en bekwaamheidsproef (Richtlijn 2005/36/EG art. 14(1)–(3)); beroepservaring kan verschillen compenseren (art. 14(5), BQFG §4(2)).',
    de: 'Die antragstellende Person wählt in der Regel zwischen Anpassungslehrgang (bis zu 3 Jahre) und Eignungsprüfung (Richtlinie 2005/36/EG Art. 14(1)–(3)); Berufserfahrung kann Unterschiede ausgleichen (Art. 14(5), BQFG §4(2)).',
  },
  'step.level.present': {
    en: 'Present the diploma to the school, university or employer in {dest}; its level is recognised without a procedure.',
    nl: 'Leg het diploma voor aan de school, hogeschool, universiteit of werkgever in {dest}; het niveau wordt zonder procedure erkend.',
    de: 'Legen Sie den Abschluss der Schule, Hochschule oder dem Arbeitgeber in {dest} vor; das Niveau wird ohne Verfahren anerkannt.',
  },
  'step.level.specific': {
    en: 'For a regulated profession or equivalence with a named diploma of {dest}, apply for specific recognition.',
    nl: 'Voor een gereglementeerd beroep of gelijkwaardigheid met een bepaald diploma van {dest}: vraag specifieke erkenning aan.',
    de: 'Für einen reglementierten Beruf oder die Gleichwertigkeit mit einem bestimmten Abschluss in {dest} ist eine spezifische Anerkennung zu beantragen.',
  },
  'step.apply': {
    en: 'Apply to the competent authority: {authority}.',
    nl: 'Dien een aanvraag in bij de bevoegde autoriteit: {authority}.',
    de: 'Stellen Sie den Antrag bei der zuständigen Stelle: {authority}.',
  },
  'step.applyUnknown': {
    en: 'Apply to the competent authority of {dest} (not recorded in the registry).',
    nl: 'Dien een aanvraag in bij de bevoegde autoriteit van {dest} (niet in het register vastgelegd).',
    de: 'Stellen Sie den Antrag bei der zuständigen Stelle in {dest} (im Register nicht erfasst).',
  },
  'step.auto.grant': {
    en: 'The authority checks that the diploma is one covered by {instruments} and grants access to the profession without comparing content.',
    nl: 'De autoriteit controleert of het diploma onder {instruments} valt en verleent toegang tot het beroep zonder inhoudelijke vergelijking.',
    de: 'Die Stelle prüft, ob der Abschluss unter {instruments} fällt, und erteilt den Berufszugang ohne inhaltlichen Vergleich.',
  },
  'step.general.compare': {
    en: 'The authority compares the qualification with {reference} and decides on full, partial or no equivalence; a refusal lists the substantial differences (BQFG §7(2)). The decision is due within 3 months (BQFG §6).',
    nl: 'De autoriteit vergelijkt de kwalificatie met {reference} en beslist over volledige, gedeeltelijke of geen gelijkwaardigheid; een afwijzing noemt de wezenlijke verschillen (BQFG §7(2)). De beslissing volgt binnen 3 maanden (BQFG §6).',
    de: 'Die Stelle vergleicht die Qualifikation mit {reference} und entscheidet über volle, teilweise oder keine Gleichwertigkeit; ein Ablehnungsbescheid nennt die wesentlichen Unterschiede (BQFG §7(2)). Die Entscheidung ergeht innerhalb von 3 Monaten (BQFG §6).',
  },
  'step.general.compensate': {
    en: 'Where substantial differences remain, complete the compensation measure (adaptation period or aptitude test), limited to those differences.',
    nl: 'Blijven er wezenlijke verschillen, volg dan de compenserende maatregel (aanpassingsstage of bekwaamheidsproef), beperkt tot die verschillen.',
    de: 'Bleiben wesentliche Unterschiede, absolvieren Sie die Ausgleichsmaßnahme (Anpassungslehrgang oder Eignungsprüfung), beschränkt auf diese Unterschiede.',
  },
  'step.employer': {
    en: 'Apply directly to employers; the employer decides whether the diploma is enough.',
    nl: 'Solliciteer rechtstreeks bij werkgevers; de werkgever beslist of het diploma volstaat.',
    de: 'Bewerben Sie sich direkt bei Arbeitgebern; der Arbeitgeber entscheidet, ob der Abschluss genügt.',
  },
  'step.optionalAssessment': {
    en: 'Optionally, ask {authority} for an assessment of equivalence with the German reference occupation.',
    nl: 'Vraag desgewenst {authority} om een beoordeling van de gelijkwaardigheid met het Duitse referentieberoep.',
    de: 'Auf Wunsch kann bei {authority} eine Gleichwertigkeitsfeststellung mit dem deutschen Referenzberuf beantragt werden.',
  },
  'step.assessment': {
    en: 'Ask the recognition body of {dest} for an individual assessment (Lisbon Recognition Convention: recognition unless a substantial difference is shown).',
    nl: 'Vraag de erkenningsinstantie van {dest} om een individuele beoordeling (Verdrag van Lissabon: erkenning tenzij een wezenlijk verschil wordt aangetoond).',
    de: 'Beantragen Sie bei der Anerkennungsstelle in {dest} eine individuelle Bewertung (Lissabon-Konvention: Anerkennung, sofern kein wesentlicher Unterschied nachgewiesen wird).',
  },
  'doc.diploma': { en: 'The diploma (or its verifiable credential)', nl: 'Het diploma (of de verifieerbare credential ervan)', de: 'Der Abschluss (oder sein verifizierbarer Nachweis)' },
  'doc.supplement': {
    en: 'The certificate or diploma supplement (content, level, workload)',
    nl: 'Het certificaat- of diplomasupplement (inhoud, niveau, studielast)',
    de: 'Die Zeugnis- bzw. Diploma-Supplement-Erläuterung (Inhalte, Niveau, Umfang)',
  },
  'doc.experience': {
    en: 'Evidence of professional experience, which can make up for differences',
    nl: 'Bewijs van beroepservaring, dat verschillen kan compenseren',
    de: 'Nachweise über Berufserfahrung, die Unterschiede ausgleichen kann',
  },
  'info.comparison': {
    en: 'From the catalogue: {citation}: {verdict} (non-binding, for information).',
    nl: 'Uit de catalogus: {citation}: {verdict} (niet bindend, ter informatie).',
    de: 'Aus dem Katalog: {citation}: {verdict} (unverbindlich, zur Information).',
  },
  'info.supplement': {
    en: 'The certificate supplement describes the qualification’s content and level.',
    nl: 'Het certificaatsupplement beschrijft de inhoud en het niveau van de kwalificatie.',
    de: 'Die Zeugniserläuterung beschreibt Inhalte und Niveau der Qualifikation.',
  },
  'info.levelRule': {
    en: 'Level recognition also applies: {instruments}.',
    nl: 'Ook niveauerkenning is van toepassing: {instruments}.',
    de: 'Zusätzlich gilt die Niveauanerkennung: {instruments}.',
  },
  'caveat.unconfirmed': {
    en: 'The registry marks this regulation status as unconfirmed in its sources.',
    nl: 'Het register markeert deze reglementeringsstatus als onbevestigd in de bronnen.',
    de: 'Das Register kennzeichnet diesen Reglementierungsstatus in den Quellen als unbestätigt.',
  },
  'caveat.noAuthority': {
    en: 'The competent authority is not in the sources for {dest}.',
    nl: 'De bevoegde autoriteit voor {dest} staat niet in de bronnen.',
    de: 'Die zuständige Stelle für {dest} ist in den Quellen nicht angegeben.',
  },
  'caveat.noReference': {
    en: 'No reference qualification for {profession} in {dest} is in the catalogue, so no comparison could be made.',
    nl: 'De catalogus bevat geen referentiekwalificatie voor {profession} in {dest}; er kon geen vergelijking worden gemaakt.',
    de: 'Der Katalog enthält für {dest} keine Referenzqualifikation zu {profession}; ein Vergleich war nicht möglich.',
  },
  'caveat.notListed': {
    en: 'Sectoral automatic recognition applies to the listed qualifications only; this one is not listed, so the general system applies.',
    nl: 'Sectorale automatische erkenning geldt alleen voor de opgesomde kwalificaties; deze staat er niet bij, dus geldt het algemene stelsel.',
    de: 'Die sektorale automatische Anerkennung gilt nur für die aufgeführten Qualifikationen; diese ist nicht aufgeführt, daher gilt die allgemeine Regelung.',
  },
  'caveat.registryFromRule': {
    en: 'The registry has no entry for {profession} in {dest}; that the profession is regulated and recognised automatically follows from {instruments}.',
    nl: 'Het register bevat geen gegevens over {profession} in {dest}; dat het beroep gereglementeerd is en automatisch wordt erkend, volgt uit {instruments}.',
    de: 'Das Register enthält für {dest} keinen Eintrag zu {profession}; dass der Beruf reglementiert ist und automatisch anerkannt wird, folgt aus {instruments}.',
  },
  'assume.qualification': {
    en: 'No profession was given: this answer assumes {profession}, which the qualification names.',
    nl: 'Er is geen beroep opgegeven: dit antwoord gaat uit van {profession}, dat de kwalificatie noemt.',
    de: 'Es wurde kein Beruf angegeben: diese Antwort geht von {profession} aus, den die Qualifikation nennt.',
  },
  'assume.decision': {
    en: 'No profession was given: this answer assumes {profession}, the profession of {reference}, with which a published expert decision compares the qualification.',
    nl: 'Er is geen beroep opgegeven: dit antwoord gaat uit van {profession}, het beroep van {reference}, waarmee een gepubliceerd deskundigenbesluit de kwalificatie vergelijkt.',
    de: 'Es wurde kein Beruf angegeben: diese Antwort geht von {profession} aus, dem Beruf zu {reference}, mit dem eine veröffentlichte Expertenentscheidung die Qualifikation vergleicht.',
  },
  'assume.none': {
    en: 'No profession was given and this answer assumes none; the alternatives give the answer for each profession considered.',
    nl: 'Er is geen beroep opgegeven en dit antwoord gaat van geen enkel beroep uit; de alternatieven geven het antwoord per overwogen beroep.',
    de: 'Es wurde kein Beruf angegeben, und diese Antwort geht von keinem Beruf aus; die Alternativen geben die Antwort für jeden geprüften Beruf.',
  },
  'caveat.study': {
    en: 'For study, the receiving institution decides on admission.',
    nl: 'Voor studie beslist de ontvangende instelling over toelating.',
    de: 'Für ein Studium entscheidet die aufnehmende Einrichtung über die Zulassung.',
  },
};

export function msg(lang: AdviceLang, code: string, params: Record<string, string | number> = {}): string {
  const entry = T[code];
  if (!entry) throw new Error(`no message ${code}`);
  return entry[lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export const MESSAGE_CODES = Object.keys(T);
