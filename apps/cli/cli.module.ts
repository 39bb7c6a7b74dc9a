import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '../../libs/catalogue/catalogue.module';
import { ComparisonModule } from '../../libs/comparison/comparison.module';
import { AuthModule } from '../../libs/platform/auth/auth.module';
import { TokenVerifier } from '../../libs/platform/auth/token.service';
import { MIGRATIONS } from '../../libs/platform/database/migrations';
import { ENTITIES } from '../api/app.module';

/** The service's domain modules without HTTP, for operator commands. */
@Module({})
export class CliModule {
  static forRoot(databaseUrl: string, verifier: TokenVerifier): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AuthModule.forRoot(verifier),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          entities: ENTITIES,
          migrations: MIGRATIONS,
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          synchronize: false,
          logging: false,
        }),
        CatalogueModule,
        ComparisonModule,
      ],
    };
  }
}
