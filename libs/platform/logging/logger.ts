import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';

/** `destination` defaults to stdout; tests pass a stream to capture what the service logs. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'recognition-engine' },
      // Defence in depth: never let credentials or keys reach the log sink.
      redact: { paths: ['*.authorization', '*.password', '*.privateKey', '*.secretKey', '*.secretKeyMultibase', 'req.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}

/** Routes Nest's framework logging through pino, so every line is structured JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
