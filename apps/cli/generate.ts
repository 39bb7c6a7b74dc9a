import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { z } from 'zod';
import { QualificationFileSchema } from '../../libs/catalogue/domain/qualification-file.schema';
import { FrameworkSchema, JurisdictionSchema, ProfessionSchema } from '../../libs/catalogue/domain/reference-data.schema';
import { API_RESOLVERS } from '../api/resolvers';
import { SCHEMA_BASE } from '../../libs/credentials/domain/constants';
import { AccreditationInputSchema } from '../../libs/credentials/accreditation.service';
import { DiplomaRequestSchema, KeuzedeelRequestSchema, LanguageAchievementRequestSchema, LearningUnitRequestSchema, RecognitionStatementRequestSchema } from '../../libs/credentials/domain/credential-request.schema';
import { RecognitionRuleSchema, RegulatedProfessionSchema } from '../../libs/recognition/domain/schemas';
import { BinationalDescriptionSchema } from '../../libs/recognition/descriptions/domain/description.schema';
import { LearningCompanySchema } from '../../libs/recognition/learning-companies/domain/learning-company.schema';
import { DiplomaSubjectSchema, KeuzedeelSubjectSchema, LanguageAchievementSubjectSchema, LearningUnitSubjectSchema, RecognitionStatementSubjectSchema, SCHEMA_FILES } from '../../libs/credentials/domain/credential-subject.schema';

/** The zod schemas published as JSON Schema in schemas/, by file name. */
export const JSON_SCHEMAS: Record<string, z.ZodType> = {
  'qualification-file.schema.json': QualificationFileSchema,
  'jurisdictions.schema.json': z.array(JurisdictionSchema),
  'frameworks.schema.json': z.array(FrameworkSchema),
  'professions.schema.json': z.array(ProfessionSchema),
  [SCHEMA_FILES.LearningUnitCredential]: LearningUnitSubjectSchema,
  [SCHEMA_FILES.DiplomaCredential]: DiplomaSubjectSchema,
  'learning-unit-request.schema.json': LearningUnitRequestSchema,
  'diploma-request.schema.json': DiplomaRequestSchema,
  'accreditation-input.schema.json': AccreditationInputSchema,
  [SCHEMA_FILES.RecognitionStatementCredential]: RecognitionStatementSubjectSchema,
  'recognition-statement-request.schema.json': RecognitionStatementRequestSchema,
  'recognition-rule.schema.json': RecognitionRuleSchema,
  'regulated-profession.schema.json': RegulatedProfessionSchema,
  'binational-description.schema.json': BinationalDescriptionSchema,
  [SCHEMA_FILES.LanguageAchievementCredential]: LanguageAchievementSubjectSchema,
  'language-achievement-request.schema.json': LanguageAchievementRequestSchema,
  [SCHEMA_FILES.KeuzedeelCredential]: KeuzedeelSubjectSchema,
  'keuzedeel-request.schema.json': KeuzedeelRequestSchema,
  'learning-company.schema.json': LearningCompanySchema,
};

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function buildApiSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    return await app.get(GraphQLSchemaFactory).create(API_RESOLVERS);
  } finally {
    await app.close();
  }
}

export function jsonSchemaText(name: string, schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ $id: `${SCHEMA_BASE}${name}`, ...json }, null, 2)}\n`;
}

/** Returns [path, content] for every generated artefact. */
export async function generateArtifacts(root: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [[join(root, 'schema.gql'), printSortedSchema(await buildApiSchema())]];
  for (const [name, schema] of Object.entries(JSON_SCHEMAS)) out.push([join(root, 'schemas', name), jsonSchemaText(name, schema)]);
  return out;
}
