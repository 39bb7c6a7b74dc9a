import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { SecretCodes } from '../credentials/secret-codes.service';
import { HolderDeliveryService } from '../credentials/holder-delivery.service';
import { AuditService } from '../platform/audit/audit.service';
import { type Actor, jurisdictionInScope } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { configurationsFor } from './domain/configurations';
import { codeHash, csvField, DEFAULT_OFFER_TTL_HOURS, MAX_OFFER_TTL_HOURS, newTxCode, offerState, OfferStateName, randomCode } from './domain/offer-policy';
import { Oid4vciService } from './oid4vci.service';
import { NewOffer, WalletOfferRepository } from './persistence/wallet-offer.repository';

export const MAX_COHORT = 500;

export interface CreatedOffer {
  id: string;
  credentialId: string;
  learner: string;
  offerUri: string;
  /** Shown once: the school sends it to the learner by another channel than the offer. */
  txCode: string;
  expiresAt: Date;
  configurationIds: string[];
}

export interface OfferStatus {
  id: string;
  cohortId: string | null;
  createdAt: Date;
  expiresAt: Date;
  redeemedAt: Date | null;
  failedTxAttempts: number;
  delivered: string[];
  state: OfferStateName;
}

export interface CreatedCohort {
  cohortId: string | null;
  offers: CreatedOffer[];
  csv: string;
}

/** A school's offers of its issued credentials to learners' wallets, one at a time or for a cohort. */
@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: WalletOfferRepository,
    private readonly credentials: HolderDeliveryService,
    private readonly oid4vci: Oid4vciService,
    private readonly audit: AuditService,
    private readonly codes: SecretCodes,
  ) {}

  async create(actor: Actor, credentialIds: string[], validForHours?: number | null, cohort = false): Promise<CreatedCohort> {
    if (actor.role === 'employer' || (actor.role === 'school' && !actor.institution)) throw AppError.forbidden(`role "${actor.role}" may not offer credentials; the issuing school does`);
    const field = cohort ? 'credentialIds' : 'credentialId';
    if (!credentialIds.length) throw AppError.badInput([{ field, message: 'needs at least one credential' }]);
    if (credentialIds.length > MAX_COHORT) throw AppError.badInput([{ field, message: `at most ${MAX_COHORT} credentials per call` }]);
    const dup = credentialIds.findIndex((id, i) => credentialIds.indexOf(id) !== i);
    if (dup >= 0) throw AppError.badInput([{ field: `${field}[${dup}]`, message: 'is listed twice' }]);
    const hours = validForHours ?? DEFAULT_OFFER_TTL_HOURS;
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_OFFER_TTL_HOURS) throw AppError.badInput([{ field: 'validForHours', message: `must be a whole number from 1 to ${MAX_OFFER_TTL_HOURS}` }]);
    const expiresAt = new Date(Date.now() + hours * 3600_000);
    const cohortId = cohort ? randomUUID() : null;

    const rows: NewOffer[] = [];
    const offers: CreatedOffer[] = [];
    for (const [i, id] of credentialIds.entries()) {
      const at = cohort ? `${field}[${i}]` : field;
      const row = await this.credentials.credential(id).catch(() => {
        throw AppError.badInput([{ field: at, message: `unknown credential "${id}"` }]);
      });
      await this.mayOffer(actor, row.institution_id, row.type, id);
      if (row.status === 'REVOKED') throw AppError.badInput([{ field: at, message: `credential "${id}" is revoked` }]);
      const configurationIds = configurationsFor(row.type).map((c) => c.id);
      if (!configurationIds.length) throw AppError.badInput([{ field: at, message: `${row.type} cannot be offered to wallets` }]);
      const offerId = randomUUID();
      const code = randomCode();
      const txCode = newTxCode();
      const offerUri = await this.oid4vci.offerUri(code, configurationIds);
      rows.push({ id: offerId, credential_id: id, institution_id: row.institution_id, cohort_id: cohortId, configuration_ids: configurationIds, pre_authorized_code_hash: codeHash(code), tx_code_hash: this.codes.hash(txCode, offerId), expires_at: expiresAt, created_by: actor.subject });
      const subject = (row.document.credentialSubject ?? {}) as Record<string, unknown>;
      offers.push({
        id: offerId,
        credentialId: id,
        learner: [subject.givenName, subject.familyName].filter(Boolean).join(' '),
        offerUri,
        txCode,
        expiresAt,
        configurationIds,
      });
    }
    await this.dataSource.transaction(async (m) => {
      await this.repo.insert(m, rows);
      for (const r of rows) {
        await this.audit.record(m, actor, { action: 'wallet.offer.create', entityType: 'wallet_offer', entityId: r.id, before: null, after: { credentialId: r.credential_id, cohortId, expiresAt: expiresAt.toISOString(), configurations: r.configuration_ids } });
      }
    });
    return { cohortId, offers, csv: offersCsv(offers) };
  }

  /** The offers of one credential with their state, for whoever may offer it. */
  async list(actor: Actor, credentialId: string): Promise<OfferStatus[]> {
    if (actor.role === 'employer' || (actor.role === 'school' && !actor.institution)) throw AppError.forbidden(`role "${actor.role}" may not see offers`);
    const row = await this.credentials.credential(credentialId).catch(() => {
      throw AppError.badInput([{ field: 'credentialId', message: `unknown credential "${credentialId}"` }]);
    });
    await this.mayOffer(actor, row.institution_id, row.type, credentialId);
    const now = new Date();
    return (await this.repo.byCredential(credentialId)).map((o) => ({
      id: o.id,
      cohortId: o.cohort_id,
      createdAt: o.created_at,
      expiresAt: o.expires_at,
      redeemedAt: o.redeemed_at,
      failedTxAttempts: o.failed_tx_attempts,
      delivered: o.delivered,
      state: offerState({ expiresAt: o.expires_at, redeemedAt: o.redeemed_at, lockedAt: o.locked_at, failedTxAttempts: o.failed_tx_attempts }, now),
    }));
  }

  /**
   * A school offers what it issued. A recognition statement is issued by an authority through its experts, so
   * an expert whose jurisdictions cover the authority (or an admin) offers it; nothing else.
   */
  private async mayOffer(actor: Actor, institutionId: string, type: string, id: string): Promise<void> {
    if (actor.role === 'school') {
      if (institutionId !== actor.institution) throw AppError.forbidden(`credential "${id}" was not issued by institution "${actor.institution}"`);
      return;
    }
    if (type !== 'RecognitionStatementCredential') throw AppError.forbidden(`only the issuing school offers a ${type}`);
    if (actor.role === 'admin') return;
    const inst = await this.credentials.institution(institutionId);
    if (!inst || !jurisdictionInScope(actor.jurisdictions, inst.jurisdictionCode)) {
      throw AppError.forbidden(`an expert for ${actor.jurisdictions.join(', ')} may not offer a statement of an authority of ${inst?.jurisdictionCode ?? 'unknown jurisdiction'}`);
    }
  }
}

/** One line per offer, for a mail merge; the transaction code is in its own column so it can go by another channel. */
export function offersCsv(offers: CreatedOffer[]): string {
  const lines = [['offer_id', 'credential_id', 'learner', 'offer_uri', 'tx_code', 'expires_at'].join(',')];
  for (const o of offers) lines.push([o.id, o.credentialId, o.learner, o.offerUri, o.txCode, o.expiresAt.toISOString()].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** QR codes of an offer URI; drawn only when asked for (about 0.1 s each), so a cohort's CSV stays fast. */
export function offerQr(offerUri: string, type: 'svg' | 'png'): Promise<string> {
  return type === 'svg' ? QRCode.toString(offerUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : QRCode.toDataURL(offerUri, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2 });
}
