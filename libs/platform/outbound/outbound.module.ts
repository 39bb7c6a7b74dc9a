import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboundResolver } from './outbound.resolver';
import { OutboundService } from './outbound.service';

/** The admin-kept allowlist of hosts and the guarded fetcher every run-time network access goes through. */
@Module({ imports: [AuditModule], providers: [OutboundService, OutboundResolver], exports: [OutboundService] })
export class OutboundModule {}
