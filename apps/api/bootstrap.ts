import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { createTokenVerifier } from '../../libs/platform/auth/token-config';
import { AppConfig } from '../../libs/platform/config/config.schema';
import { jsonGuard } from '../../libs/platform/http/json-guard';
import { PinoNestLogger } from '../../libs/platform/logging/logger';
import { AppModule } from './app.module';

/** Builds the HTTP application (not yet listening); shared by main.ts and the end-to-end tests. */
export async function createApp(config: AppConfig, logger: Logger, databaseUrl: string): Promise<NestExpressApplication> {
  const verifier = await createTokenVerifier(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, logger, databaseUrl, verifier }), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  app.disable('x-powered-by');
  app.use(express.json({ limit: config.MAX_BODY_BYTES }));
  // OAuth token requests are form-encoded (RFC 6749), and so are OpenID4VP direct_post responses; only those endpoints take them.
  app.use('/oid4vci/token', express.urlencoded({ extended: false, limit: config.MAX_BODY_BYTES }));
  app.use('/oid4vp/requests', express.urlencoded({ extended: false, limit: config.MAX_BODY_BYTES }));
  // Body-parser errors happen before Nest's filters; answer them in the same error shape.
  app.use((err: Error & { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (err.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `request body exceeds the limit of ${config.MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (err.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      next(err);
    }
  });
  // Before anything traverses the body: bounded nesting, no NUL or lone surrogates (400 naming the field).
  app.use(jsonGuard(config.MAX_JSON_DEPTH));
  // No enableShutdownHooks(): the entry point owns SIGTERM/SIGINT and closes the app (which runs the shutdown
  // hooks). Nest's own listener re-raised the signal after closing, racing the entry point's exit(0) (exit 143).
  return app;
}
