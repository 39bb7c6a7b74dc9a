import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { CatalogueModule } from '../../libs/catalogue/catalogue.module';
import { CATALOGUE_ENTITIES } from '../../libs/catalogue/persistence';
import { ComparisonModule } from '../../libs/comparison/comparison.module';
import { CredentialsModule } from '../../libs/credentials/credentials.module';
import { RecognitionModule } from '../../libs/recognition/recognition.module';
import { ShareLinksModule } from '../../libs/share-links/share-links.module';
import { VerifyPageModule } from '../../libs/verify-page/verify-page.module';
import { CertificateSupplementModule } from '../../libs/certificate-supplement/certificate-supplement.module';
import { WalletModule } from '../../libs/wallet/wallet.module';
import { ThrottlerModule } from '@nestjs/throttler';
import { COMPARISON_ENTITIES } from '../../libs/comparison/persistence/entities';
import { AuditEntryEntity } from '../../libs/platform/audit/audit-entry.entity';
import { AuthModule } from '../../libs/platform/auth/auth.module';
import { TokenVerifier } from '../../libs/platform/auth/token.service';
import { AppConfig } from '../../libs/platform/config/config.schema';
import { ConfigModule } from '../../libs/platform/config/config.module';
import { typeOrmOptions } from '../../libs/platform/database/data-source';
import { AllExceptionsFilter } from '../../libs/platform/errors/all-exceptions.filter';
import { formatGraphQLError } from '../../libs/platform/errors/error-mapping';
import { GraphQLJSON } from 'graphql-scalars';
import { complexityPlugin, graphqlValidationRules } from './graphql-limits';
import { HealthController } from './health.controller';

export const ENTITIES = [...CATALOGUE_ENTITIES, AuditEntryEntity, ...COMPARISON_ENTITIES];

export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
  verifier: TokenVerifier;
}

@Module({})
export class AppModule {
  static forRoot({ config, logger, databaseUrl, verifier }: AppDeps): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        AuthModule.forRoot(verifier),
        // Public verification is rate-limited per client address.
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.VERIFY_RATE_LIMIT_PER_MINUTE }]),
        TypeOrmModule.forRoot(typeOrmOptions(databaseUrl, ENTITIES)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          resolvers: { JSON: GraphQLJSON },
          // The committed schema.gql is the contract; introspection stays on so tools can read it.
          introspection: true,
          includeStacktraceInErrorResponses: false,
          validationRules: graphqlValidationRules({
            maxDepth: config.GRAPHQL_MAX_DEPTH,
            maxComplexity: config.GRAPHQL_MAX_COMPLEXITY,
            maxAliases: config.GRAPHQL_MAX_ALIASES,
          }),
          // Cast: @nestjs/apollo sees the ESM typings of @apollo/server, this file the CJS ones.
          plugins: [complexityPlugin(config.GRAPHQL_MAX_COMPLEXITY) as never],
          formatError: (formatted, error) => formatGraphQLError(formatted, error, (e) => logger.error({ err: e }, 'graphql error')),
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
        CatalogueModule,
        ComparisonModule,
        CredentialsModule,
        RecognitionModule,
        ShareLinksModule,
        VerifyPageModule,
        CertificateSupplementModule,
        WalletModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useValue: new AllExceptionsFilter(logger) }],
    };
  }
}
