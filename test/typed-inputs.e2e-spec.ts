import { z } from 'zod';
import { PolicyParamsSchema } from '../libs/comparison/domain/policy';
import { AccreditationInputSchema } from '../libs/credentials/accreditation.service';
import { DiplomaRequestSchema, KeuzedeelRequestSchema, LanguageAchievementRequestSchema, LearningUnitRequestSchema, RecognitionStatementRequestSchema } from '../libs/credentials/domain/credential-request.schema';
import { BinationalDescriptionSchema } from '../libs/recognition/descriptions/domain/description.schema';
import { LearningCompanySchema } from '../libs/recognition/learning-companies/domain/learning-company.schema';
import { RecognitionRuleSchema, RegulatedProfessionSchema } from '../libs/recognition/domain/schemas';
import { startTestApp, TestApp } from './support/test-app';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface FullType {
  kind: string;
  name: string;
  inputFields: InputValue[] | null;
  enumValues: Array<{ name: string }> | null;
  fields: Array<{ name: string; args: InputValue[] }> | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECT = `{ __schema { types { kind name
  inputFields { name type { ${TYPE_REF} } }
  enumValues { name }
  fields { name args { name type { ${TYPE_REF} } } } } } }`;

/** `[X!]!`-style notation of a type reference. */
function show(t: TypeRef): string {
  if (t.kind === 'NON_NULL') return `${show(t.ofType!)}!`;
  if (t.kind === 'LIST') return `[${show(t.ofType!)}]`;
  return t.name!;
}
const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);

type Json = { type?: string | string[]; enum?: string[]; format?: string; pattern?: string; properties?: Record<string, Json>; required?: string[]; items?: Json };

/** The GraphQL scalar a zod leaf must have become: dates are graphql-scalars types, ids of records are ID. */
function expectedScalar(s: Json): string {
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'integer') return 'Int';
  if (type === 'number') return 'Float';
  if (type === 'boolean') return 'Boolean';
  if (s.format === 'date-time') return 'DateTimeISO';
  if (s.format === 'uuid') return 'ID';
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'LocalDate';
  return 'String';
}

describe('mutation requests are typed GraphQL inputs that mirror their zod schemas', () => {
  let t: TestApp;
  let types: Map<string, FullType>;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const r = await t.gql(INTROSPECT);
    expect(r.errors).toBeUndefined();
    types = new Map((r.data.__schema.types as FullType[]).map((x) => [x.name, x]));
  });
  afterAll(async () => t?.close());

  const inputFields = (name: string) => Object.fromEntries(types.get(name)!.inputFields!.map((f) => [f.name, show(f.type)]));
  const enumValues = (name: string) => types.get(name)!.enumValues!.map((v) => v.name).sort();
  const argOf = (type: string, field: string, arg: string) => show(types.get(type)!.fields!.find((f) => f.name === field)!.args.find((a) => a.name === arg)!.type);

  it('issueLearningUnitCredential takes IssueLearningUnitCredentialInput with typed nested inputs, enums and dates', () => {
    expect(argOf('Mutation', 'issueLearningUnitCredential', 'request')).toBe('IssueLearningUnitCredentialInput!');
    expect(inputFields('IssueLearningUnitCredentialInput')).toEqual({
      idempotencyKey: 'String!',
      learner: 'LearnerInput!',
      validUntil: 'DateTimeISO',
      format: 'CredentialFormat',
      programme: 'String!',
      title: 'CredentialTextInput!',
      eqfLevel: 'Int!',
      volume: 'LearningUnitVolumeInput!',
      outcomes: '[LearningUnitOutcomeInput!]!',
      activity: 'LearningActivityInput!',
      assessment: 'LearningAssessmentInput!',
      coIssuers: '[String!]',
    });
    expect(inputFields('LearnerInput')).toEqual({ id: 'String', givenName: 'String!', familyName: 'String!', dateOfBirth: 'LocalDate' });
    expect(inputFields('LearningUnitOutcomeInput')).toEqual({ text: 'String!', lang: 'Language!', dimension: 'EqfDimension!', escoSkills: '[String!]' });
    expect(inputFields('LearningActivityInput')).toMatchObject({ startDate: 'LocalDate!', endDate: 'LocalDate!' });
    expect(enumValues('EqfDimension')).toEqual(['KNOWLEDGE', 'RESPONSIBILITY_AUTONOMY', 'SKILLS']);
    expect(enumValues('CredentialFormat')).toEqual(['DATA_INTEGRITY', 'JWT']);
  });

  it('draftRecognitionRule takes RecognitionRuleInput with typed nested inputs, enums and dates', () => {
    expect(argOf('Mutation', 'draftRecognitionRule', 'document')).toBe('RecognitionRuleInput!');
    expect(inputFields('RecognitionRuleInput')).toEqual({
      key: 'String!',
      title: 'LocalizedTextInput!',
      instrument: 'RecognitionInstrumentInput!',
      parties: '[String!]!',
      origins: '[String!]',
      destinations: '[String!]',
      scope: 'RecognitionRuleScopeInput',
      effect: 'RecognitionRuleEffect!',
      purposes: '[RecognitionPurpose!]',
      validFrom: 'LocalDate',
      validUntil: 'LocalDate',
      legalBasis: 'String',
      sources: '[SourceInput!]!',
      notes: 'String',
    });
    expect(inputFields('RecognitionRuleScopeInput')).toEqual({ eqfLevels: '[Int!]', kinds: '[QualificationKind!]', qualificationKeys: '[String!]', professions: '[String!]' });
    expect(inputFields('LocalizedTextInput')).toEqual({ nl: 'String', de: 'String', en: 'String', fr: 'String' });
    expect(enumValues('RecognitionRuleEffect')).toEqual(['AUTOMATIC_LEVEL_RECOGNITION', 'AUTOMATIC_PROFESSIONAL_RECOGNITION', 'EQUIVALENCE_LIST', 'GENERAL_SYSTEM']);
  });

  it('takes JSON only where a whole exchange document goes in', () => {
    const jsonArgs: string[] = [];
    for (const root of ['Query', 'Mutation']) {
      for (const f of types.get(root)!.fields!) {
        for (const a of f.args) if (['JSON', 'JSONObject'].includes(named(a.type).name!)) jsonArgs.push(`${root}.${f.name}(${a.name})`);
      }
    }
    // A DID document pinned by an admin is a W3C document as its host publishes it (checked by didDocumentProblems).
    expect(jsonArgs.sort()).toEqual(['Mutation.pinDidDocument(document)', 'Mutation.upsertQualification(document)', 'Query.recognitionRouteForCredentials(credentials)', 'Query.verifyCredential(credential)']);
  });

  // Field names, nesting, requiredness, enum values and scalars all follow the zod schema, so that a client's
  // JSON request is accepted as a variable unchanged, and zod (which still runs) sees what GraphQL let through.
  it.each([
    ['IssueLearningUnitCredentialInput', LearningUnitRequestSchema],
    ['IssueDiplomaCredentialInput', DiplomaRequestSchema],
    ['IssueRecognitionStatementInput', RecognitionStatementRequestSchema],
    ['AccreditationInput', AccreditationInputSchema],
    ['RecognitionRuleInput', RecognitionRuleSchema],
    ['RegulatedProfessionInput', RegulatedProfessionSchema],
    ['ComparisonPolicyParamsInput', PolicyParamsSchema],
    ['BinationalDescriptionInput', BinationalDescriptionSchema],
    ['IssueLanguageAchievementCredentialInput', LanguageAchievementRequestSchema],
    ['IssueKeuzedeelCredentialInput', KeuzedeelRequestSchema],
    ['LearningCompanyInput', LearningCompanySchema],
  ] as Array<[string, z.ZodType]>)('%s mirrors its zod schema', (typeName, schema) => {
    const mismatches: string[] = [];
    const compareObject = (json: Json, gqlName: string, path: string) => {
      const fields = new Map(types.get(gqlName)!.inputFields!.map((f) => [f.name, f.type]));
      const props = json.properties ?? {};
      for (const name of fields.keys()) if (!(name in props)) mismatches.push(`${path}.${name}: not in the zod schema`);
      for (const [name, prop] of Object.entries(props)) {
        const type = fields.get(name);
        if (!type) {
          mismatches.push(`${path}.${name}: missing in ${gqlName}`);
          continue;
        }
        const nullable = Array.isArray(prop.type) && prop.type.includes('null');
        const required = (json.required ?? []).includes(name) && !nullable;
        if (required !== (type.kind === 'NON_NULL')) mismatches.push(`${path}.${name}: required ${required} but ${show(type)}`);
        compareValue(prop, type.kind === 'NON_NULL' ? type.ofType! : type, `${path}.${name}`);
      }
    };
    const compareValue = (json: Json, type: TypeRef, path: string) => {
      if (json.type === 'array') {
        if (type.kind !== 'LIST' || type.ofType!.kind !== 'NON_NULL') return void mismatches.push(`${path}: array but ${show(type)}`);
        return compareValue(json.items!, type.ofType!.ofType!, `${path}[]`);
      }
      if (json.type === 'object') {
        if (type.kind !== 'INPUT_OBJECT') return void mismatches.push(`${path}: object but ${show(type)}`);
        return compareObject(json, type.name!, path);
      }
      if (json.enum) {
        if (type.kind !== 'ENUM') return void mismatches.push(`${path}: enum but ${show(type)}`);
        const values = types.get(type.name!)!.enumValues!.map((v) => v.name).sort();
        if (JSON.stringify(values) !== JSON.stringify([...json.enum].sort())) mismatches.push(`${path}: ${type.name} has ${values} but zod ${json.enum}`);
        return;
      }
      if (type.name !== expectedScalar(json)) mismatches.push(`${path}: ${expectedScalar(json)} expected but ${show(type)}`);
    };
    compareObject(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json, typeName, typeName);
    expect(mismatches).toEqual([]);
  });

  describe('a wrong value in a typed input is a 400 naming the field, never a 5xx, and nothing runs', () => {
    const ISSUE = 'mutation($request: IssueLearningUnitCredentialInput!) { issueLearningUnitCredential(request: $request) { id } }';
    const request = {
      idempotencyKey: 'typed-input-0001',
      learner: { givenName: 'Sanne', familyName: 'de Vries' },
      programme: 'p',
      title: { en: 'Unit' },
      eqfLevel: 4,
      volume: { hours: 80 },
      outcomes: [{ text: 'Builds software', lang: 'en', dimension: 'SKILLS' }],
      activity: { location: 'Enschede', hostCountry: 'NL', startDate: '2025-03-03', endDate: '2025-03-14' },
      assessment: { method: 'project', date: '2025-03-14', result: 'passed' },
    };
    let school: string;
    beforeAll(async () => {
      school = await t.token('school', { institution: 'alfa-college' });
    });

    it('an unknown enum value in a variable', async () => {
      const r = await t.gql(ISSUE, { request: { ...request, outcomes: [{ ...request.outcomes[0], dimension: 'WISDOM' }] } }, school);
      expect(r.status).toBe(400);
      expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toMatch(/"request\.outcomes\[0\]\.dimension"/);
      expect(r.errors![0].message).toMatch(/"WISDOM" does not exist in "EqfDimension" enum/);
      expect(r.data).toBeUndefined();
    });

    it('an unknown enum value written in the query', async () => {
      const r = await t.gql(
        `mutation { issueLearningUnitCredential(request: { idempotencyKey: "typed-input-0002", learner: { givenName: "A", familyName: "B" }, programme: "p",
          title: { en: "Unit" }, eqfLevel: 4, volume: { hours: 80 }, format: XML, outcomes: [{ text: "t", lang: en, dimension: SKILLS }],
          activity: { location: "Enschede", hostCountry: "NL", startDate: "2025-03-03", endDate: "2025-03-14" },
          assessment: { method: "project", date: "2025-03-14", result: "passed" } }) { id } }`,
        {},
        school,
      );
      expect(r.status).toBe(400);
      expect(r.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.errors![0].message).toMatch(/Value "XML" does not exist in "CredentialFormat" enum/);
    });

    it('a wrong scalar, a missing required field, an impossible date and an unknown field', async () => {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ ...request, eqfLevel: 'four' }, /"request\.eqfLevel".*Int cannot represent/],
        [{ ...request, learner: { givenName: 'Sanne' } }, /"request\.learner".*Field "familyName" of required type "String!" was not provided/],
        [{ ...request, activity: { ...request.activity, endDate: '2025-02-30' } }, /"request\.activity\.endDate".*not a valid LocalDate/],
        [{ ...request, validUntil: 'next year' }, /"request\.validUntil".*DateTime/],
        [{ ...request, colour: 'blue' }, /Field "colour" is not defined by type "IssueLearningUnitCredentialInput"/],
      ];
      for (const [value, message] of cases) {
        const r = await t.gql(ISSUE, { request: value }, school);
        expect({ status: r.status, code: r.errors?.[0].extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
        expect(r.errors![0].message).toMatch(message);
      }
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential'))[0].n).toBe(0);
    });

    it('what GraphQL lets through is still checked by the zod schema, naming the field path', async () => {
      const r = await t.gql(ISSUE, { request: { ...request, eqfLevel: 9, activity: { ...request.activity, endDate: '2025-03-01' } } }, school);
      expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.problems).toEqual([
        { field: 'request.eqfLevel', message: expect.any(String) },
        { field: 'request.activity.endDate', message: 'must not be before startDate' },
      ]);
      const expert = await t.token('expert', { jurisdictions: ['NL'] });
      const rule = await t.gql('mutation($d: RecognitionRuleInput!) { draftRecognitionRule(document: $d) { id } }', {
        d: { key: 'k', title: { en: 'T' }, instrument: { name: 'I' }, parties: ['NL'], effect: 'GENERAL_SYSTEM', sources: [] },
      }, expert);
      expect(rule.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(rule.errors![0].message).toMatch(/document\.sources: every rule needs at least one source/);
    });

    it('once a document has passed the complexity check (its cost is then kept), bad variables are refused the same way', async () => {
      // This one coerces and is costed; the zod schema refuses it afterwards.
      const costed = await t.gql(ISSUE, { request: { ...request, eqfLevel: 9 } }, school);
      expect(costed.errors![0].extensions!.problems).toEqual([{ field: 'request.eqfLevel', message: expect.any(String) }]);
      for (const [value, message] of [
        [{ ...request, eqfLevel: 'four' }, /"request\.eqfLevel".*Int cannot represent/],
        [{ ...request, outcomes: [{ ...request.outcomes[0], dimension: 'WISDOM' }] }, /"request\.outcomes\[0\]\.dimension".*"WISDOM" does not exist in "EqfDimension" enum/],
        [null, /"\$request" of non-null type "IssueLearningUnitCredentialInput!" must not be null/],
      ] as Array<[unknown, RegExp]>) {
        const r = await t.gql(ISSUE, { request: value }, school);
        expect({ status: r.status, code: r.errors?.[0].extensions?.code, data: r.data }).toEqual({ status: 400, code: 'BAD_USER_INPUT', data: undefined });
        expect(r.errors![0].message).toMatch(message);
      }
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential'))[0].n).toBe(0);
    });
  });
});
