import {
  EQF_DIMENSIONS,
  QUALIFICATION_FILE_FORMAT,
  QualificationFileInput,
  QualificationUnit,
} from '../libs/catalogue/domain/qualification-file.schema';
import { pick, seededRandom } from './support';

interface Words {
  nl: string;
  de: string;
  en: string;
}

/** Jurisdictions and the framework each one uses (all in seeds/frameworks.json, levels 1–8 = EQF 1–8). */
const PLACES = [
  { jurisdiction: 'NL', framework: 'NLQF' },
  { jurisdiction: 'DE', framework: 'DQR' },
  { jurisdiction: 'DE-NW', framework: 'DQR' },
  { jurisdiction: 'BE-VLG', framework: 'VKS' },
] as const;

/** Each role is in about one title in six: the "many rows" search words. */
const ROLES: Words[] = [
  { nl: 'medewerker', de: 'Fachkraft', en: 'technician' },
  { nl: 'assistent', de: 'Assistenz', en: 'assistant' },
  { nl: 'specialist', de: 'Spezialist', en: 'specialist' },
  { nl: 'coordinator', de: 'Koordination', en: 'coordinator' },
  { nl: 'adviseur', de: 'Beratung', en: 'adviser' },
  { nl: 'leidinggevende', de: 'Meister', en: 'supervisor' },
];

const FIELDS: Words[] = [
  { nl: 'verpleging', de: 'Pflege', en: 'nursing' },
  { nl: 'zorg', de: 'Betreuung', en: 'care' },
  { nl: 'logistiek', de: 'Logistik', en: 'logistics' },
  { nl: 'elektrotechniek', de: 'Elektrotechnik', en: 'electrical engineering' },
  { nl: 'metaal', de: 'Metallbau', en: 'metalwork' },
  { nl: 'bouw', de: 'Bauwesen', en: 'construction' },
  { nl: 'horeca', de: 'Gastgewerbe', en: 'hospitality' },
  { nl: 'handel', de: 'Einzelhandel', en: 'retail' },
  { nl: 'software', de: 'Anwendungsentwicklung', en: 'software development' },
  { nl: 'netwerkbeheer', de: 'Systemintegration', en: 'network administration' },
  { nl: 'boekhouding', de: 'Buchhaltung', en: 'accounting' },
  { nl: 'landbouw', de: 'Landwirtschaft', en: 'agriculture' },
  { nl: 'tuinbouw', de: 'Gartenbau', en: 'horticulture' },
  { nl: 'mechatronica', de: 'Mechatronik', en: 'mechatronics' },
  { nl: 'laboratorium', de: 'Labor', en: 'laboratory' },
  { nl: 'kinderopvang', de: 'Kinderbetreuung', en: 'childcare' },
  { nl: 'beveiliging', de: 'Sicherheit', en: 'security' },
  { nl: 'schoonheidsverzorging', de: 'Kosmetik', en: 'beauty care' },
  { nl: 'bakkerij', de: 'Backhandwerk', en: 'bakery' },
  { nl: 'installatietechniek', de: 'Anlagenmechanik', en: 'installation engineering' },
];

/** Each rare field is in about ten files: the "few rows" search words. */
const RARE_FIELDS: Words[] = [
  { nl: 'glasblazen', de: 'Glasbläserei', en: 'glassblowing' },
  { nl: 'klokkenmaken', de: 'Uhrmacherei', en: 'horology' },
  { nl: 'orgelbouw', de: 'Orgelbau', en: 'organ building' },
];
const RARE_SHARE = 0.003;

const QUALIFIERS: Words[] = [
  { nl: 'basis', de: 'Grundstufe', en: 'foundation' },
  { nl: 'gevorderd', de: 'Aufbaustufe', en: 'advanced' },
  { nl: 'praktijk', de: 'Praxis', en: 'practice' },
  { nl: 'duaal', de: 'dual', en: 'work-based' },
  { nl: 'regionaal', de: 'regional', en: 'regional' },
];

/** Unit titles and outcome verbs: none of them contains a search word above. */
const UNIT_TOPICS: Words[] = [
  { nl: 'Plant werkzaamheden', de: 'Plant Arbeitsschritte', en: 'Plans the work' },
  { nl: 'Voert opdrachten uit', de: 'Führt Aufträge aus', en: 'Carries out assignments' },
  { nl: 'Werkt veilig', de: 'Arbeitet sicher', en: 'Works safely' },
  { nl: 'Communiceert met klanten', de: 'Kommuniziert mit Kunden', en: 'Communicates with clients' },
  { nl: 'Bewaakt kwaliteit', de: 'Sichert Qualität', en: 'Assures quality' },
  { nl: 'Rapporteert', de: 'Dokumentiert', en: 'Reports' },
  { nl: 'Werkt samen in een team', de: 'Arbeitet im Team', en: 'Works in a team' },
];

const OUTCOME_TEXT: Record<(typeof EQF_DIMENSIONS)[number], string> = {
  KNOWLEDGE: 'Knows the methods, materials and rules needed for',
  SKILLS: 'Is able to apply the methods and tools needed for',
  RESPONSIBILITY_AUTONOMY: 'Takes responsibility for the own work in',
};

/** Search words with the share of files they are expected to hit, for the text-search workloads. */
export const SEARCH_WORDS = {
  many: ROLES.map((r, i) => [r.en, r.nl, r.de][i % 3].toLowerCase()).slice(0, 3),
  few: RARE_FIELDS.map((r, i) => [r.en, r.nl, r.de][i % 3].toLowerCase()),
};

export const syntheticKey = (n: number) => `synthetic-${String(n).padStart(5, '0')}`;

/** The n-th synthetic qualification file (n ≥ 1); the same n always gives the same file. */
export function syntheticQualification(n: number): QualificationFileInput {
  const random = seededRandom(0x5eed0000 + n);
  const place = PLACES[n % PLACES.length];
  const eqfLevel = 1 + Math.floor(random() * 8);
  const role = pick(random, ROLES);
  const field = random() < RARE_SHARE ? pick(random, RARE_FIELDS) : pick(random, FIELDS);
  const qualifier = pick(random, QUALIFIERS);
  const subject = field.en;
  return {
    format: QUALIFICATION_FILE_FORMAT,
    key: syntheticKey(n),
    code: `SYN-${n}`,
    codeScheme: 'synthetic',
    jurisdiction: place.jurisdiction,
    kind: eqfLevel >= 5 ? 'HIGHER_EDUCATION' : 'VOCATIONAL',
    title: {
      nl: `${capitalise(role.nl)} ${field.nl} (${qualifier.nl}, niveau ${eqfLevel})`,
      de: `${role.de} ${field.de} (${qualifier.de}, Niveau ${eqfLevel})`,
      en: `${capitalise(field.en)} ${role.en} (${qualifier.en}, level ${eqfLevel})`,
    },
    framework: place.framework,
    nationalLevel: String(eqfLevel),
    eqfLevel,
    durationMonths: 12 * (1 + Math.floor(random() * 4)),
    workload: { hoursTotal: 400 + Math.floor(random() * 40) * 40, routes: [] },
    sources: [{ url: `https://example.org/synthetic/${n}`, title: 'Synthetic benchmark data' }],
    units: syntheticUnits(random, subject, 2 + Math.floor(random() * 3)),
  };
}

function syntheticUnits(random: () => number, subject: string, count: number): QualificationUnit[] {
  const start = Math.floor(random() * UNIT_TOPICS.length);
  return Array.from({ length: count }, (_, u) => {
    const topic = UNIT_TOPICS[(start + u) % UNIT_TOPICS.length];
    const key = `unit-${u + 1}`;
    return {
      key,
      kind: 'MODULE',
      code: `U${u + 1}`,
      title: { nl: topic.nl, de: topic.de, en: topic.en },
      hours: 40 + Math.floor(random() * 10) * 20,
      outcomes: EQF_DIMENSIONS.map((dimension, i) => ({
        key: `${key}-o${i + 1}`,
        text: `${OUTCOME_TEXT[dimension]} ${subject}: ${topic.en.toLowerCase()}.`,
        lang: 'en' as const,
        dimension,
        escoSkills: [],
      })),
    };
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
