import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '../../libs/catalogue/catalogue.module';
import { RecognitionModule } from '../../libs/recognition/recognition.module';
import { ComparisonModule } from '../../libs/comparison/comparison.module';
import { AuthModule } from '../../libs/platform/auth/auth.module';
import { TokenVerifier } from '../../libs/platform/auth/token.service';
import { typeOrmOptions } from '../../libs/platform/database/data-source';
import { ENTITIES } from '../api/app.module';

/** The service's domain modules without HTTP, for operator commands. */
@Module({})
export class CliModule {
  static forRoot(databaseUrl: string, verifier: TokenVerifier): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AuthModule.forRoot(verifier),
        // The feature modules' public resolvers carry a rate-limit guard, which needs its module to resolve.
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: 1 }]),
        TypeOrmModule.forRoot(typeOrmOptions(databaseUrl, ENTITIES)),
        CatalogueModule,
        ComparisonModule,
        RecognitionModule,
      ],
    };
  }
}
