import type { ReportLang } from './types';

/**
 * Texts of the legal regime (Art. 13(4), automatic recognition), training minimums and workload conversions,
 * documents needed, compensation measures per difference and threshold sensitivity; merged into the main table.
 */
export const LAW_TEMPLATES: Record<string, Record<ReportLang, string>> = {
  'diff.training': {
    nl: 'Opleiding onder het minimum van {basis}: {item} {holder} tegenover ten minste {req} (tekort {short} uur).',
    de: 'Ausbildung unter dem Mindestmaß nach {basis}: {item} {holder} gegenüber mindestens {req} (Fehlbetrag {short} Std.).',
    en: 'Training below the minimum of {basis}: {item} {holder} against at least {req} (shortfall {short} h).',
  },
  'reason.art13_4': {
    nl: 'Art. 13, lid 4: de houder heeft een bekwaamheidsattest (art. 11, onder a) en de ontvangende staat verlangt art. 11, onder e); de toegang mag worden geweigerd.',
    de: 'Art. 13 Abs. 4: der Inhaber hat einen Befähigungsnachweis (Art. 11 Buchst. a), und der Aufnahmestaat verlangt Art. 11 Buchst. e; der Zugang darf verweigert werden.',
    en: 'Art. 13(4): the holder has an attestation of competence (Art. 11(a)) and the host requires Art. 11(e); access may be refused.',
  },
  'comp.choiceGeneral': {
    nl: 'Art. 14, lid 2: de aanvrager kiest tussen de aanpassingsstage (ten hoogste 3 jaar) en de bekwaamheidsproef.',
    de: 'Art. 14 Abs. 2: der Antragsteller wählt zwischen dem Anpassungslehrgang (höchstens 3 Jahre) und der Eignungsprüfung.',
    en: 'Art. 14(2): the applicant chooses between the adaptation period (at most 3 years) and the aptitude test.',
  },
  'comp.choiceNotRegulated': {
    nl: 'Geen gereglementeerd beroep: art. 14 is niet van toepassing; de maatregelen zijn voorstellen om de verschillen te overbruggen.',
    de: 'Kein reglementierter Beruf: Art. 14 gilt nicht; die Maßnahmen sind Vorschläge, um die Unterschiede auszugleichen.',
    en: 'Not a regulated profession: Art. 14 does not apply; the measures are suggestions to close the differences.',
  },
  'comp.choiceUnspecified': {
    nl: 'Regime niet opgegeven: is het beroep gereglementeerd onder het algemene stelsel, dan kiest de aanvrager tussen aanpassingsstage en bekwaamheidsproef (art. 14, lid 2).',
    de: 'Regelung nicht angegeben: ist der Beruf nach der allgemeinen Regelung reglementiert, wählt der Antragsteller zwischen Anpassungslehrgang und Eignungsprüfung (Art. 14 Abs. 2).',
    en: 'Regime not given: where the profession is regulated under the general system, the applicant chooses between adaptation period and aptitude test (Art. 14(2)).',
  },
  'comp.measure': {
    nl: '{id}: {hours} uur ({units}) ÷ {hpm} uur per maand = {months} maanden',
    de: '{id}: {hours} Std. ({units}) ÷ {hpm} Std. pro Monat = {months} Monate',
    en: '{id}: {hours} h ({units}) ÷ {hpm} h a month = {months} months',
  },
  'comp.measureUnknown': {
    nl: '{id}: uren onbekend, documenten nodig',
    de: '{id}: Stunden unbekannt, Unterlagen nötig',
    en: '{id}: hours unknown, documents needed',
  },
  'comp.already': {
    nl: '{id}: geen eigen uren, al gedekt door de maatregelen hierboven of door ervaring',
    de: '{id}: keine eigenen Stunden, schon durch die obigen Maßnahmen oder durch Erfahrung gedeckt',
    en: '{id}: no hours of its own, already held by the measures above or by experience',
  },
  'comp.residual': {
    nl: '{id}: {q} uur tekort, waarvan {c} uur al in de inhoudelijke maatregelen en {x} uur door ervaring gedekt; blijft {hours} uur',
    de: '{id}: {q} Std. Fehlbetrag, davon {c} Std. schon in den inhaltlichen Maßnahmen und {x} Std. durch Erfahrung gedeckt; bleiben {hours} Std.',
    en: '{id}: {q} h missing, of which {c} h already in the content measures and {x} h covered by experience; {hours} h remain',
  },
  'comp.experienceOutcomes': {
    nl: 'door beroepservaring gedekt en dus niet in de maatregel: {n} leerresultaten',
    de: 'durch Berufserfahrung gedeckt und daher nicht in der Maßnahme: {n} Lernergebnisse',
    en: 'covered by professional experience and so left out of the measure: {n} outcomes',
  },
  'comp.sum': {
    nl: 'som {sum} maanden, ten hoogste {cap}: {months} maanden',
    de: 'Summe {sum} Monate, höchstens {cap}: {months} Monate',
    en: 'sum {sum} months, at most {cap}: {months} months',
  },
  'conv.sbu': { nl: '{sbu} SBU = {hours} uur (één studiebelastingsuur per SBU)', de: '{sbu} SBU = {hours} Std. (eine Studienbelastungsstunde je SBU)', en: '{sbu} SBU = {hours} h (one study-load hour each)' },
  'conv.ects': {
    nl: '{ects} ECTS × {hpe} uur = {hours} uur (bandbreedte {min}–{max} uur; {source}: 60 ECTS = één jaar = 1.500–1.800 uur)',
    de: '{ects} ECTS × {hpe} Std. = {hours} Std. (Spanne {min}–{max} Std.; {source}: 60 ECTS = ein Jahr = 1.500–1.800 Std.)',
    en: '{ects} ECTS × {hpe} h = {hours} h (range {min}–{max} h; {source}: 60 ECTS = one year = 1,500–1,800 h)',
  },
  'conv.ecvetHours': {
    nl: '{ecvet} ECVET-punten ÷ 60 per jaar × 12 × {hpm} uur = {hours} uur ({source}: 60 punten per voltijds jaar)',
    de: '{ecvet} ECVET-Punkte ÷ 60 pro Jahr × 12 × {hpm} Std. = {hours} Std. ({source}: 60 Punkte je Vollzeitjahr)',
    en: '{ecvet} ECVET points ÷ 60 a year × 12 × {hpm} h = {hours} h ({source}: 60 points a full-time year)',
  },
  'conv.durationEcts': { nl: 'duur {ects} ECTS ÷ 60 per jaar = {months} maanden ({source})', de: 'Dauer {ects} ECTS ÷ 60 pro Jahr = {months} Monate ({source})', en: 'duration {ects} ECTS ÷ 60 a year = {months} months ({source})' },
  'conv.durationEcvet': { nl: 'duur {ecvet} ECVET-punten ÷ 60 per jaar = {months} maanden ({source})', de: 'Dauer {ecvet} ECVET-Punkte ÷ 60 pro Jahr = {months} Monate ({source})', en: 'duration {ecvet} ECVET points ÷ 60 a year = {months} months ({source})' },
  'doc.hours': {
    nl: 'Documenten nodig: de opleidingsuren van de {who} (totaal, theorie en praktijk, of studiepunten) zijn niet bekend.',
    de: 'Unterlagen nötig: die Ausbildungsstunden der Seite {who} (gesamt, Theorie und Praxis oder Leistungspunkte) sind nicht bekannt.',
    en: 'Documents needed: the training hours of the {who} (total, theory and practice, or credits) are not known.',
  },
  'doc.duration': {
    nl: 'Documenten nodig: de opleidingsduur van de {who} is niet bekend.',
    de: 'Unterlagen nötig: die Ausbildungsdauer der Seite {who} ist nicht bekannt.',
    en: 'Documents needed: the training duration of the {who} is not known.',
  },
  'doc.training': {
    nl: 'Documenten nodig: {item} van de opleiding van de houder, om {basis} te toetsen (ten minste {req}).',
    de: 'Unterlagen nötig: {item} der Ausbildung des Inhabers, um {basis} zu prüfen (mindestens {req}).',
    en: 'Documents needed: {item} of the holder’s training, to check {basis} (at least {req}).',
  },
  'doc.trainingAutomatic': {
    nl: 'Documenten nodig: de gegevens tonen {item} {holder} tegenover ten minste {req} volgens {basis}; de automatische erkenning veronderstelt een opleiding die daaraan voldoet.',
    de: 'Unterlagen nötig: die Angaben zeigen {item} {holder} gegenüber mindestens {req} nach {basis}; die automatische Anerkennung setzt eine Ausbildung voraus, die dem genügt.',
    en: 'Documents needed: the data show {item} {holder} against at least {req} under {basis}; automatic recognition presupposes training that meets it.',
  },
  'doc.unitHours': {
    nl: 'Documenten nodig: de uren van de referentieonderdelen {units}, om de aanpassingsstage te bepalen.',
    de: 'Unterlagen nötig: die Stunden der Referenzeinheiten {units}, um den Anpassungslehrgang zu bemessen.',
    en: 'Documents needed: the hours of the reference units {units}, to size the adaptation period.',
  },
  'item.DURATION_MONTHS': { nl: 'duur in maanden', de: 'Dauer in Monaten', en: 'duration in months' },
  'item.HOURS_TOTAL': { nl: 'totaal aantal uren', de: 'Gesamtstunden', en: 'total hours' },
  'item.HOURS_THEORY': { nl: 'uren theorie', de: 'Stunden Theorie', en: 'theory hours' },
  'item.HOURS_PRACTICE': { nl: 'uren praktijk (klinisch)', de: 'Stunden Praxis (klinisch)', en: 'practice (clinical) hours' },
  'training.note': {
    nl: 'De catalogus kent geen aparte klinische uren: de praktijkuren staan voor de klinische opleiding.',
    de: 'Der Katalog kennt keine gesonderten klinischen Stunden: die Praxisstunden stehen für die klinische Ausbildung.',
    en: 'The catalogue has no separate clinical hours: practice hours stand for clinical training.',
  },
  'sens.robust': {
    nl: 'robuust: geen drempel die ±10% verschuift verandert het oordeel {verdict}.',
    de: 'robust: keine um ±10% verschobene Schwelle ändert das Ergebnis {verdict}.',
    en: 'robust: no threshold moved by ±10% changes the verdict {verdict}.',
  },
  'sens.borderline': {
    nl: 'grensgeval, omdat {moves}.',
    de: 'Grenzfall, weil {moves}.',
    en: 'borderline, because {moves}.',
  },
  'sens.move': {
    nl: '{param} op {moved} in plaats van {base} het oordeel {verdict} geeft',
    de: '{param} bei {moved} statt {base} das Ergebnis {verdict} ergibt',
    en: '{param} at {moved} instead of {base} gives {verdict}',
  },
  'sens.automatic': {
    nl: 'robuust: het oordeel volgt uit automatische erkenning, niet uit drempels.',
    de: 'robust: das Ergebnis folgt aus der automatischen Anerkennung, nicht aus Schwellen.',
    en: 'robust: the verdict follows from automatic recognition, not from thresholds.',
  },
  'rule.levelReported': {
    nl: 'EQF-verschil {gap}: gemeld, geen weigeringsgrond (de regel "ten minste het niveau direct daaronder" is in 2013 geschrapt); kan een verschil onder art. 14 onderbouwen.',
    de: 'EQR-Abstand {gap}: gemeldet, kein Ablehnungsgrund (die Regel „mindestens das unmittelbar darunter liegende Niveau“ wurde 2013 gestrichen); kann einen Unterschied nach Art. 14 stützen.',
    en: 'EQF gap {gap}: reported, no ground for refusal (the rule "at least the level immediately below" was deleted in 2013); can support an Art. 14 difference.',
  },
  'rule.art13_4': {
    nl: 'Art. 11-niveau houder a, vereist e: weigering toegestaan.',
    de: 'Art.-11-Niveau Inhaber a, verlangt e: Ablehnung zulässig.',
    en: 'Art. 11 level holder a, required e: refusal permitted.',
  },
  'rule.regime': {
    nl: 'Regime {kind}; rechtsgrond: {basis}.',
    de: 'Regelung {kind}; Rechtsgrundlage: {basis}.',
    en: 'Regime {kind}; legal basis: {basis}.',
  },
  'rule.regimeUnspecified': {
    nl: 'Geen regime opgegeven: de inhoudelijke vergelijking beslist.',
    de: 'Keine Regelung angegeben: der inhaltliche Vergleich entscheidet.',
    en: 'No regime given: the content comparison decides.',
  },
  'rule.automatic': {
    nl: 'Automatische erkenning ({kind}) op grond van {basis}: het oordeel volgt daaruit; de inhoudelijke vergelijking is informatief en stelt geen compensatie voor.',
    de: 'Automatische Anerkennung ({kind}) nach {basis}: das Ergebnis folgt daraus; der inhaltliche Vergleich ist informativ und schlägt keine Ausgleichsmaßnahmen vor.',
    en: 'Automatic recognition ({kind}) under {basis}: the verdict follows from it; the content comparison is informational and proposes no compensation.',
  },
  'rule.trainingCheck': {
    nl: '{basis}: {item} {holder} tegenover ten minste {req}: {result}.',
    de: '{basis}: {item} {holder} gegenüber mindestens {req}: {result}.',
    en: '{basis}: {item} {holder} against at least {req}: {result}.',
  },
  'rule.conversion': { nl: 'Omrekening: {c}.', de: 'Umrechnung: {c}.', en: 'Conversion: {c}.' },
  'rule.choice': { nl: '{choice}', de: '{choice}', en: '{choice}' },
  'rule.sensitivity': { nl: 'Gevoeligheid (drempels ±10%): {statement}', de: 'Empfindlichkeit (Schwellen ±10%): {statement}', en: 'Sensitivity (thresholds ±10%): {statement}' },
};
