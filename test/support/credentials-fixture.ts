import type { TestApp } from './test-app';

export const PROGRAMME = 'move-it-binational-2025';

/** Registers an NL and a DE school (and an unaccredited one) and records their accreditations, through the API. */
export async function setupSchools(t: TestApp) {
  const admin = await t.token('admin', { subject: 'admin-1' });
  const register = async (id: string, name: string, jurisdiction: string) => {
    const r = await t.gql(
      'mutation($id: String!, $name: String!, $j: String!) { registerInstitution(id: $id, name: $name, jurisdiction: $j, type: "SCHOOL") { id did keys { id } } }',
      { id, name, j: jurisdiction },
      admin,
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.registerInstitution as { id: string; did: string; keys: Array<{ id: string }> };
  };
  const nl = await register('alfa-college', 'Alfa-college', 'NL');
  const de = await register('bk-koenigstrasse', 'Berufskolleg Königstraße', 'DE-NW');
  const other = await register('roc-unaccredited', 'ROC zonder accreditatie', 'NL');

  const accredit = async (token: string, input: Record<string, unknown>) => {
    const r = await t.gql('mutation($input: AccreditationInput!) { recordAccreditation(input: $input) { id } }', { input }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  };
  const nlExpert = await t.token('expert', { jurisdictions: ['NL'], subject: 'expert-nl' });
  const deExpert = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-de' });
  const source = 'https://www.mboraad.nl/';
  await accredit(nlExpert, { institutionId: nl.id, scope: 'LEARNING_UNIT_PROGRAMME', programme: PROGRAMME, sourceUrl: source, validFrom: '2024-01-01' });
  await accredit(nlExpert, { institutionId: nl.id, scope: 'QUALIFICATION', qualificationKey: 'nl-mbo-software-developer', sourceUrl: source, validFrom: '2024-01-01' });
  await accredit(nlExpert, { institutionId: nl.id, scope: 'QUALIFICATION', qualificationKey: 'nl-mbo-25656-verzorgende-ig', sourceUrl: source, validFrom: '2024-01-01' });
  await accredit(deExpert, { institutionId: de.id, scope: 'LEARNING_UNIT_PROGRAMME', programme: PROGRAMME, sourceUrl: 'https://www.berufskolleg-koenigstrasse.de/', validFrom: '2024-01-01' });

  const ids = (await t.gql('{ qualifications(first: 50) { edges { node { id key } } } }')).data.qualifications.edges;
  const qid = (key: string) => ids.find((e: any) => e.node.key === key).node.id as string;
  return {
    nl,
    de,
    other,
    admin,
    nlSchool: await t.token('school', { institution: nl.id, subject: 'registrar-alfa' }),
    deSchool: await t.token('school', { institution: de.id, subject: 'registrar-bk' }),
    otherSchool: await t.token('school', { institution: other.id, subject: 'registrar-other' }),
    softwareDeveloperId: qid('nl-mbo-software-developer'),
    verzorgendeId: qid('nl-mbo-25656-verzorgende-ig'),
  };
}

let seq = 0;
export function learningUnitRequest(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    idempotencyKey: `lu-${Date.now()}-${seq}`,
    learner: { id: 'did:example:learner-123', givenName: 'Sanne', familyName: 'de Vries', dateOfBirth: '2005-04-12' },
    programme: PROGRAMME,
    title: { nl: 'Binationale leereenheid IT', de: 'Binationale Lerneinheit IT', en: 'Binational learning unit IT' },
    eqfLevel: 4,
    volume: { hours: 80 },
    outcomes: [
      { text: 'Realiseert software in een binationaal team', lang: 'nl', dimension: 'SKILLS', escoSkills: [] },
      { text: 'Kennt agile Vorgehensmodelle', lang: 'de', dimension: 'KNOWLEDGE', escoSkills: [] },
      { text: 'Takes responsibility for own tasks in a mixed team', lang: 'en', dimension: 'RESPONSIBILITY_AUTONOMY', escoSkills: [] },
    ],
    activity: { location: 'Enschede', hostCountry: 'NL', partnerInstitution: 'bk-koenigstrasse', startDate: '2025-03-03', endDate: '2025-03-14' },
    assessment: { method: 'project presentation', date: '2025-03-14', result: 'passed' },
    coIssuers: ['bk-koenigstrasse'],
    ...overrides,
  };
}

export const ISSUE_LU = `mutation($r: IssueLearningUnitCredentialInput!, $issuer: String) { issueLearningUnitCredential(request: $r, issuer: $issuer) { id status format created credential jwt coIssuers cosignedBy } }`;
export const ISSUE_DIPLOMA = `mutation($r: IssueDiplomaCredentialInput!) { issueDiplomaCredential(request: $r) { id status format created credential jwt } }`;
export const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) { valid authentic trusted revoked suspended expired issuer credentialId qualificationId checks { check status reason message subject } } }`;
