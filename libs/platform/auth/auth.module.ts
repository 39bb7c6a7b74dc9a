import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RolesGuard, TOKEN_VERIFIER } from './roles.guard';
import { TokenVerifier } from './token.service';

@Global()
@Module({})
export class AuthModule {
  static forRoot(verifier: TokenVerifier) {
    return {
      module: AuthModule,
      providers: [{ provide: TOKEN_VERIFIER, useValue: verifier }, { provide: APP_GUARD, useClass: RolesGuard }],
      exports: [TOKEN_VERIFIER],
    };
  }
}
