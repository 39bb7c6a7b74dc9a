import { Injectable } from '@nestjs/common';
import { ReferenceDataService } from '../catalogue/reference-data.service';
import { summarise } from '../credentials/domain/verification';
import { IssuerService } from '../credentials/issuer.service';
import { MAX_CREDENTIAL_BYTES, VerificationService } from '../credentials/verification.service';
import { AppError } from '../platform/errors/app-error';
import { adviceForVerification, RecognitionService } from '../recognition/recognition.service';
import { credentialFromOfflineQr, OFFLINE_QR_PREFIX, offlineQr } from '../offline-qr/offline-qr';
import { QrImageReader } from '../offline-qr/qr-image-reader';
import { ShareLinkService } from '../share-links/share-link.service';
import { credentialFacts } from './domain/credential-facts';
import { PageLang } from './domain/i18n';
import type { Option, PageModel, ResultView } from './domain/render';
import type { PrintableCredential } from './pdf/credential-pdf';

export interface AdviceChoice {
  jurisdiction?: string;
  profession?: string;
}

/** Builds what the pages show from the existing public services; reads only. */
@Injectable()
export class VerifyPageService {
  constructor(
    private readonly verification: VerificationService,
    private readonly issuers: IssuerService,
    private readonly recognition: RecognitionService,
    private readonly referenceData: ReferenceDataService,
    private readonly links: ShareLinkService,
    private readonly qrImages: QrImageReader,
  ) {}

  private async options(lang: PageLang): Promise<{ jurisdictions: Option[]; professions: Option[] }> {
    const [js, ps] = await Promise.all([this.referenceData.jurisdictions(), this.referenceData.professions()]);
    const pick = (m: Record<string, string | undefined>, fallback: string) => m[lang] ?? m.en ?? m.nl ?? m.de ?? fallback;
    return {
      jurisdictions: js.map((j) => ({ value: j.code, label: `${pick(j.name, j.code)} (${j.code})` })),
      professions: ps.map((p) => ({ value: p.key, label: pick(p.title, p.key) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    };
  }

  async formModel(lang: PageLang): Promise<PageModel> {
    return { lang, action: '/verify', method: 'post', langHref: (l) => `/verify?lang=${l}`, pasteForm: true, ...(await this.options(lang)) };
  }

  /** `image`: an uploaded PNG, read for a QR code (an offline QR); else `text` is the pasted or uploaded credential. */
  async verifyModel(lang: PageLang, text: string, choice: AdviceChoice, image?: Buffer): Promise<PageModel> {
    const base = await this.formModel(lang);
    if (image) {
      const qr = await this.qrImages.read(image);
      if (!qr) return { ...base, notice: 'noQrInImage' };
      text = qr.trim();
    }
    if (!text) return { ...base, notice: 'emptyInput' };
    const selected = this.chosen(base, choice);
    const result = await this.result(lang, await parseInput(text), selected);
    return { ...base, selected, credentialText: text.length <= MAX_CREDENTIAL_BYTES ? text : '', result };
  }

  async shareModel(lang: PageLang, token: string, choice: AdviceChoice): Promise<{ model: PageModel; status: number }> {
    const opts = await this.options(lang);
    const path = `/s/${encodeURIComponent(token)}`;
    const base: PageModel = { lang, action: path, method: 'get', langHref: (l) => `${path}?lang=${l}`, pasteForm: false, heading: 'shareHeading', ...opts };
    const r = await this.links.resolve(token);
    if (r.state !== 'ACTIVE') {
      const notice = r.state === 'NOT_FOUND' ? 'shareNotFound' : r.state === 'REVOKED' ? 'shareRevoked' : 'shareExpired';
      return { model: { ...base, notice, hideForm: true }, status: r.state === 'NOT_FOUND' ? 404 : 410 };
    }
    const selected = this.chosen(base, choice);
    const input = r.credential.format === 'JWT' && r.credential.jwt ? r.credential.jwt : r.credential.document;
    const result = await this.result(lang, input, selected);
    return { model: { ...base, selected, result, pdfHref: `${path}/pdf?lang=${lang}` }, status: 200 };
  }

  async printable(lang: PageLang, token: string): Promise<PrintableCredential | { model: PageModel; status: number }> {
    const r = await this.links.resolve(token);
    if (r.state !== 'ACTIVE') return this.shareModel(lang, token, {});
    const doc = r.credential.document;
    const facts = credentialFacts(doc, lang)!;
    const issuerDid = typeof doc.issuer === 'string' ? doc.issuer : doc.issuer?.id;
    const coIssuers: string[] = [];
    for (const did of r.credential.co_issuers) {
      const inst = await this.issuers.institutionByDid(did);
      coIssuers.push(inst ? `${inst.name} (${inst.jurisdiction_code})` : did);
    }
    // The offline QR carries the JSON-LD credential itself; a JWT credential is printed with the link only.
    const offline = r.credential.format === 'DATA_INTEGRITY' ? await offlineQr(doc) : null;
    return { lang, facts, issuer: await this.issuerOf(issuerDid), coIssuers, shareUrl: this.links.urlOf(token), offlineQr: offline?.payload ?? null };
  }

  /** Only choices from the lists are used: anything else is ignored, never passed on. */
  private chosen(base: Pick<PageModel, 'jurisdictions' | 'professions'>, c: AdviceChoice) {
    return {
      jurisdiction: base.jurisdictions.some((j) => j.value === c.jurisdiction) ? c.jurisdiction : undefined,
      profession: base.professions.some((p) => p.value === c.profession) ? c.profession : undefined,
    };
  }

  private async issuerOf(did: unknown): Promise<ResultView['issuer']> {
    if (typeof did !== 'string') return null;
    const inst = await this.issuers.institutionByDid(did);
    return inst ? { name: inst.name, jurisdiction: inst.jurisdiction_code } : null;
  }

  private async result(lang: PageLang, input: unknown, choice: AdviceChoice): Promise<ResultView> {
    if (input instanceof Error) {
      const report = summarise([{ check: 'FORMAT', status: 'FAIL', reason: 'MALFORMED', message: input.message }], { credentialId: null, types: [], issuer: null, revoked: false, suspended: false, expired: false });
      return { report, credential: null, issuer: null, advice: null, adviceNote: null };
    }
    const { credential, ...report } = await this.verification.verify(input);
    // The issuer the credential names, as the registry knows it; whether it really signed is the ISSUER check.
    const issuer = await this.issuerOf(report.issuer);
    let advice: ResultView['advice'] = null;
    let adviceNote: string | null = null;
    if (choice.jurisdiction) {
      try {
        const qualificationId = await this.verification.linkedQualificationId(credential);
        ({ advice, adviceNote } = await adviceForVerification(this.recognition, report.valid, qualificationId, { jurisdiction: choice.jurisdiction, profession: choice.profession ?? null, lang }));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        adviceNote = e.message;
      }
    }
    return { report, credential, issuer, advice, adviceNote };
  }
}

/**
 * A JSON text becomes the object, an offline QR text ("VP1-…") the credential it carries; anything else is handed
 * on as a JWT string. Broken JSON or QR text is reported, not guessed at.
 */
export async function parseInput(text: string): Promise<unknown> {
  if (text.startsWith(OFFLINE_QR_PREFIX)) {
    try {
      return await credentialFromOfflineQr(text);
    } catch (e) {
      return new Error(`not a readable offline QR code: ${(e as Error).message}`);
    }
  }
  if (!text.startsWith('{')) return text;
  try {
    return JSON.parse(text);
  } catch (e) {
    return new Error(`not valid JSON: ${(e as Error).message}`);
  }
}
