import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contentHash } from '../catalogue/domain/qualification-text';
import type { LocalizedText } from '../catalogue/domain/qualification-file.schema';
import { QualificationService } from '../catalogue/qualification.service';
import { ReferenceDataService } from '../catalogue/reference-data.service';
import { assertExpert, assertUuid, ComparisonService } from '../comparison/comparison.service';
import { DecisionService } from '../comparison/decision.service';
import type { ComparisonRegime } from '../comparison/domain/types';
import { AuditService } from '../platform/audit/audit.service';
import { Actor, jurisdictionInScope } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { advise, pick, planRoute, type DescriptionCitation, type ReferenceQualification, type RouteAdvice, type RoutePlan } from './domain/advise';
import { answerCandidates, combineAnswers, type AnswerCandidate } from './domain/answers';
import type { ComparisonBasis, DecisionBasis } from './domain/citations';
import { decisionFor, decisionsFor, type PublishedDecision } from './domain/decisions';
import type { LanguageAchievementFact } from './domain/language';
import type { AdviceLang } from './domain/messages';
import { RULE_STATUSES, type QualificationFacts, type RuleStatus, type StoredRule } from './domain/rules';
import { isoDate, PURPOSES, RecognitionRuleSchema, RegulatedProfessionSchema, type Purpose, type RecognitionRule, type RegulatedProfession } from './domain/schemas';
import { DescriptionService } from './descriptions/description.service';
import { toDescriptionCitation } from './descriptions/mappers';
import { PublishedDecisionRow, RecognitionRepository, RegistryRow, RuleRow } from './persistence/recognition.repository';

const RULE_KEY = /^[a-z0-9][a-z0-9._-]{0,119}$/;
const JURISDICTION = /^[A-Z]{2}(-[A-Z]{2,3})?$/;

export interface RouteRequest {
  qualificationId: string;
  destination: string;
  profession?: string | null;
  purpose?: Purpose | null;
  asOf?: string | null;
  lang?: AdviceLang | null;
  /** The holder's language achievements, already verified by the caller (credentials verification). */
  languages?: LanguageAchievementFact[] | null;
}

export const today = (now: Date = new Date()) => now.toISOString().slice(0, 10);

/** What every answer of one route request shares. */
interface RouteContext {
  qualification: QualificationFacts;
  destination: string;
  destinationName: LocalizedText;
  purpose: Purpose;
  asOf: string;
  lang: AdviceLang;
  rules: StoredRule[];
  registry: RegulatedProfession[];
  professions: Map<string, LocalizedText>;
  /** Published decisions on the qualification for the destination, in the order `decisionsFor` gives. */
  decisions: PublishedDecision[];
  languages: LanguageAchievementFact[];
}

const toPublishedDecision = (r: PublishedDecisionRow, lang: AdviceLang): PublishedDecision => ({
  id: r.id,
  verdict: r.verdict,
  rationale: r.rationale,
  compensation: r.compensation,
  destinationJurisdiction: r.destination_jurisdiction,
  publishedAt: new Date(r.published_at).toISOString(),
  holderTitle: pick(r.holder_title, lang, ''),
  referenceTitle: pick(r.reference_title, lang, r.reference_key),
  referenceId: r.reference_id,
  referenceKey: r.reference_key,
  referenceProfessions: r.reference_professions,
});

/** Jurisdictions a rule takes effect in: its destinations, else every party. */
const ruleScope = (d: RecognitionRule) => (d.destinations.length ? d.destinations : d.parties);

/**
 * An expert maintains only rules that take effect in their own jurisdiction: every destination (or party)
 * must lie inside the expert's scope. A Land's expert (DE-NW) does not cover the whole country (DE).
 */
export function assertRuleExpert(actor: Actor, d: RecognitionRule, what: string): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'expert') throw AppError.forbidden(`role "${actor.role}" may not ${what}`);
  const outside = ruleScope(d).filter((j) => !jurisdictionInScope(actor.jurisdictions, j));
  if (outside.length) throw AppError.forbidden(`an expert for ${actor.jurisdictions.join(', ') || 'no jurisdiction'} may not ${what} that take effect in ${outside.join(', ')}`);
}

/** Approved and retired rules are public; a draft only for admins and the experts who could maintain it. */
function mayReadRule(actor: Actor | null, r: RuleRow): boolean {
  if (r.status !== 'DRAFT' || actor?.role === 'admin') return true;
  return actor?.role === 'expert' && ruleScope(r.document).every((j) => jurisdictionInScope(actor.jurisdictions, j));
}

/** Rules (draft → approved by a second expert → retired), the registry, and the route advisor. */
@Injectable()
export class RecognitionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: RecognitionRepository,
    private readonly qualifications: QualificationService,
    private readonly referenceData: ReferenceDataService,
    private readonly comparisons: ComparisonService,
    private readonly decisions: DecisionService,
    private readonly audit: AuditService,
    private readonly descriptions: DescriptionService,
  ) {}

  // ---- rules

  async rules(filter: { key?: string | null; status?: string | null }, actor: Actor | null = null): Promise<RuleRow[]> {
    if (filter.status && !(RULE_STATUSES as readonly string[]).includes(filter.status)) {
      throw AppError.badInput([{ field: 'status', message: `must be one of ${RULE_STATUSES.join(', ')}` }]);
    }
    return (await this.repo.rules({ key: filter.key, status: filter.status as RuleStatus | null })).filter((r) => mayReadRule(actor, r));
  }

  async rule(id: string, actor: Actor | null = null): Promise<RuleRow> {
    assertUuid(id, 'id');
    const r = await this.repo.rule(id);
    if (!r || !mayReadRule(actor, r)) throw AppError.notFound('recognition rule', id);
    return r;
  }

  /** A new draft: version 1 of a new key, or the next version of an existing one. One open draft per key. */
  async draftRule(actor: Actor, document: unknown): Promise<RuleRow> {
    const d = parseOrThrow(RecognitionRuleSchema, document, 'document');
    assertRuleExpert(actor, d, 'draft recognition rules');
    await this.assertKnownJurisdictions([...d.parties, ...d.origins, ...d.destinations], 'document');
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`recognition_rule:${d.key}`]);
      const latest = await this.repo.latestVersion(m, d.key);
      const open = (await this.repo.rules({ key: d.key, status: 'DRAFT' }, m))[0];
      if (open) throw AppError.conflict('document.key', `version ${open.version} of rule "${d.key}" is still a draft`);
      const row = await this.repo.insertRule(m, { key: d.key, version: (latest?.version ?? 0) + 1, status: 'DRAFT', document: d, hash: contentHash(d), author: actor.subject });
      await this.audit.record(m, actor, {
        action: 'recognition-rule.draft',
        entityType: 'recognition-rule',
        entityId: row.id,
        before: latest ? { id: latest.id, version: latest.version, status: latest.status } : null,
        after: { key: row.key, version: row.version, status: row.status, document: row.document },
      });
      return row;
    });
  }

  /** Approval needs a second expert: never the author (FORBIDDEN), never a non-expert. */
  async approveRule(actor: Actor, id: string): Promise<RuleRow> {
    assertUuid(id, 'id');
    if (actor.role !== 'expert') throw AppError.forbidden(`approval needs a second expert; role "${actor.role}" may not approve`);
    return this.dataSource.transaction(async (m) => {
      const r = await this.repo.rule(id, m, true);
      if (!r) throw AppError.notFound('recognition rule', id);
      assertRuleExpert(actor, r.document, 'approve recognition rules');
      if (r.author === actor.subject) throw AppError.forbidden('the author of a rule may not approve it; a second expert must');
      if (r.status !== 'DRAFT') throw AppError.conflict('id', `only a draft can be approved; this rule is ${r.status}`);
      const row = await this.repo.approve(m, id, actor.subject);
      await this.audit.record(m, actor, { action: 'recognition-rule.approve', entityType: 'recognition-rule', entityId: id, before: { status: r.status }, after: { status: row.status, approvedBy: actor.subject } });
      return row;
    });
  }

  /** Retires an approved rule: from `retireOn` (default today) on it no longer applies; for earlier dates it still does. */
  async retireRule(actor: Actor, id: string, retireOn?: string | null, reason?: string | null): Promise<RuleRow> {
    assertUuid(id, 'id');
    const on = retireOn ? parseOrThrow(isoDate, retireOn, 'retireOn') : today();
    if (reason && reason.length > 4000) throw AppError.badInput([{ field: 'reason', message: 'must be at most 4000 characters' }]);
    return this.dataSource.transaction(async (m) => {
      const r = await this.repo.rule(id, m, true);
      if (!r) throw AppError.notFound('recognition rule', id);
      assertRuleExpert(actor, r.document, 'retire recognition rules');
      if (r.status !== 'APPROVED') throw AppError.conflict('id', `only an approved rule can be retired; this rule is ${r.status}`);
      const row = await this.repo.retire(m, id, actor.subject, on);
      await this.audit.record(m, actor, { action: 'recognition-rule.retire', entityType: 'recognition-rule', entityId: id, before: { status: r.status }, after: { status: row.status, retiredOn: on, reason: reason ?? null } });
      return row;
    });
  }

  // ---- registry

  async registry(filter: { profession?: string | null; jurisdiction?: string | null }): Promise<RegistryRow[]> {
    return this.repo.registry(filter);
  }

  async upsertRegistryEntry(actor: Actor, document: unknown): Promise<RegistryRow> {
    const e = parseOrThrow(RegulatedProfessionSchema, document, 'document');
    assertExpert(actor, e.jurisdiction, 'maintain the regulated-profession registry');
    return this.dataSource.transaction(async (m) => {
      const problems = [];
      if (!(await this.repo.exists(m, 'profession', 'key', e.profession))) problems.push({ field: 'document.profession', message: `unknown profession "${e.profession}"` });
      if (!(await this.repo.exists(m, 'jurisdiction', 'code', e.jurisdiction))) problems.push({ field: 'document.jurisdiction', message: `unknown jurisdiction "${e.jurisdiction}"` });
      if (problems.length) throw AppError.badInput(problems);
      const before = await this.repo.registryEntry(m, e.profession, e.jurisdiction, true);
      const hash = contentHash(e);
      if (before?.content_hash === hash) return before;
      const row = await this.repo.upsertRegistry(m, e, hash, actor.subject);
      await this.audit.record(m, actor, {
        action: before ? 'regulated-profession.update' : 'regulated-profession.create',
        entityType: 'regulated-profession',
        entityId: row.id,
        before: before?.document ?? null,
        after: row.document,
      });
      return row;
    });
  }

  // ---- route advisor

  /**
   * Route advice. With a profession, the answer for it. Without one (for WORK), an answer for no
   * profession, for each profession the qualification names and for each profession of a reference
   * qualification a published decision compares it with; the firmest leads, the others are alternatives.
   */
  async route(req: RouteRequest): Promise<RouteAdvice> {
    assertUuid(req.qualificationId, 'qualificationId');
    const problems = [];
    if (!JURISDICTION.test(req.destination)) problems.push({ field: 'destination', message: 'must be a jurisdiction code such as NL, DE-NW or BE-VLG' });
    if (req.asOf && !isoDate.safeParse(req.asOf).success) problems.push({ field: 'asOf', message: 'must be a date in the form YYYY-MM-DD' });
    if (req.purpose && !(PURPOSES as readonly string[]).includes(req.purpose)) problems.push({ field: 'purpose', message: 'must be WORK or STUDY' });
    if (req.profession && !RULE_KEY.test(req.profession)) problems.push({ field: 'profession', message: 'must be a profession key' });
    if (problems.length) throw AppError.badInput(problems);
    const lang: AdviceLang = req.lang ?? 'en';
    const asOf = req.asOf ?? today();
    const purpose: Purpose = req.purpose ?? 'WORK';

    const jurisdictions = await this.referenceData.jurisdictions();
    const dest = jurisdictions.find((j) => j.code === req.destination);
    if (!dest) throw AppError.notFound('jurisdiction (destination)', req.destination);
    if (req.profession && !(await this.referenceData.professionsByKeys([req.profession])).length) throw AppError.notFound('profession', req.profession);
    const file = await this.qualifications.exportFile(req.qualificationId);
    const qualification: QualificationFacts = { id: req.qualificationId, key: file.key, jurisdiction: file.jurisdiction, kind: file.kind, eqfLevel: file.eqfLevel, professions: file.professions };
    const rows = purpose === 'WORK' ? await this.repo.publishedDecisions(req.qualificationId) : [];
    const decisions = decisionsFor(rows.map((r) => toPublishedDecision(r, lang)), req.destination, asOf);
    const candidates: AnswerCandidate[] = req.profession || purpose !== 'WORK' ? [{ profession: req.profession ?? null, source: null }] : answerCandidates(file.professions, decisions);
    const ctx: RouteContext = {
      qualification,
      destination: req.destination,
      destinationName: dest.name,
      purpose,
      asOf,
      lang,
      rules: await this.repo.applicableRules(),
      registry: (await this.repo.registry()).map((r) => r.document),
      professions: new Map((await this.referenceData.professionsByKeys(candidates.flatMap((c) => (c.profession ? [c.profession] : [])))).map((p) => [p.key, p.title])),
      decisions,
      languages: req.languages ?? [],
    };
    const answers: RouteAdvice[] = [];
    for (const c of candidates) answers.push(await this.answer(ctx, c));
    const descriptions = (await this.descriptions.publishedCovering({ qualificationKey: file.key, qualificationJurisdiction: file.jurisdiction, professions: file.professions, destination: req.destination })).map((r) =>
      toDescriptionCitation(r, lang),
    );
    // The descriptions concern the qualification and destination, so every answer cites them.
    return withDescriptions(combineAnswers(answers, lang), descriptions);
  }

  /**
   * The legal regime for comparing a holder's file with a reference file, as the rules and the registry give it:
   * the reference's jurisdiction is the destination and each of its professions is tried; an automatic route wins
   * (Directive 2005/36/EC Art. 21 and the rules), then any other. None when no rule or registry entry applies.
   */
  async regimeForPair(holderId: string, referenceId: string, asOf: string = today()): Promise<ComparisonRegime | undefined> {
    assertUuid(holderId, 'holderId');
    assertUuid(referenceId, 'referenceId');
    const [holder, reference] = await Promise.all([this.qualifications.exportFile(holderId), this.qualifications.exportFile(referenceId)]);
    const qualification: QualificationFacts = { id: holderId, key: holder.key, jurisdiction: holder.jurisdiction, kind: holder.kind, eqfLevel: holder.eqfLevel, professions: holder.professions };
    const [rules, registry] = await Promise.all([this.repo.applicableRules(), this.repo.registry()]);
    const regimes = reference.professions
      .map((profession) => regimeFor(planRoute({ qualification, destination: reference.jurisdiction, purpose: 'WORK', asOf, profession }, rules, registry.map((r) => r.document))))
      .filter((r): r is ComparisonRegime => !!r);
    return regimes.find((r) => r.kind === 'SECTORAL_AUTOMATIC' || r.kind === 'AUTOMATIC_LEVEL') ?? regimes[0];
  }

  /** One answer: plan the route, then find what its expected outcome rests on (decision, else comparison). */
  private async answer(ctx: RouteContext, c: AnswerCandidate): Promise<RouteAdvice> {
    const query = { qualification: ctx.qualification, destination: ctx.destination, purpose: ctx.purpose, asOf: ctx.asOf, profession: c.profession };
    const plan = planRoute(query, ctx.rules, ctx.registry);
    let reference: ReferenceQualification | null = null;
    let decision: DecisionBasis | null = null;
    let comparison: ComparisonBasis | null = null;
    if (plan.needsComparison) {
      const found = c.profession ? await this.repo.referenceQualification(c.profession, ctx.destination, plan.entry?.referenceQualificationKey) : null;
      const ref = found && found.id !== ctx.qualification.id ? found : null;
      const d = decisionFor(ctx.decisions, ref?.id ?? null, c.profession);
      if (d) {
        // The decision's reference is what the experts compared with, so the answer names that one.
        decision = d;
        reference = { id: d.referenceId, key: d.referenceKey, title: d.referenceTitle };
      } else if (ref) {
        reference = { id: ref.id, key: ref.key, title: pick(ref.title, ctx.lang, ref.key) };
        // Route advice is public: the comparison is computed for the answer, never stored. The regime the rules
        // and registry found goes with it, so that the engine applies the law of that route.
        const regime = regimeFor(plan);
        const opts: { lang: AdviceLang; store: false; regime?: ComparisonRegime } = { lang: ctx.lang, store: false, ...(regime ? { regime } : {}) };
        const stored = await this.comparisons.compareQualifications(ctx.qualification.id!, ref.id, opts);
        comparison = {
          id: stored.id,
          verdict: stored.report.verdict,
          adaptationMonths: stored.report.compensation?.adaptationPeriod?.months ?? null,
          aptitudeTestTopics: stored.report.compensation?.aptitudeTestTopics ?? [],
          choice: stored.report.compensation?.choice ?? null,
          documentsNeeded: (stored.report.documentsNeeded ?? []).map((d) => d.message),
          createdAt: stored.createdAt.toISOString(),
        };
      }
    }
    return advise({
      query,
      lang: ctx.lang,
      rules: ctx.rules,
      registry: ctx.registry,
      professionTitle: c.profession ? (ctx.professions.get(c.profession) ?? null) : null,
      destinationName: ctx.destinationName,
      reference,
      decision,
      comparison,
      assumedFrom: c.source,
      languages: ctx.languages,
    });
  }

  /**
   * A published expert decision with the keys of both qualifications: what a RecognitionStatementCredential
   * states. Credentials reach decisions only through here (credentials may use recognition, not comparison).
   */
  async publishedStatementBasis(decisionId: string, actor: Actor | null = null): Promise<StatementBasis> {
    // The issuing expert sees what they may see: their own jurisdiction's drafts (then CONFLICT), not others'.
    const d = await this.decisions.get(decisionId, actor);
    if (d.status !== 'PUBLISHED') throw AppError.conflict('decisionId', `decision is ${d.status}; only a published decision can be issued as a statement`);
    const holder = await this.qualifications.get(d.holderQualificationId);
    const reference = await this.qualifications.get(d.referenceQualificationId);
    return {
      id: d.id,
      version: d.version,
      verdict: d.verdict as StatementBasis['verdict'],
      rationale: d.rationale,
      compensation: d.compensation,
      destinationJurisdiction: d.destinationJurisdiction,
      holderKey: holder.key,
      referenceKey: reference.key,
      publishedAt: d.publishedAt!,
    };
  }

  private async assertKnownJurisdictions(codes: string[], root: string): Promise<void> {
    const known = new Set((await this.referenceData.jurisdictions()).map((j) => j.code));
    const unknown = [...new Set(codes)].filter((c) => !known.has(c));
    if (unknown.length) throw AppError.badInput(unknown.map((c) => ({ field: root, message: `unknown jurisdiction "${c}"` })));
  }
}

const withDescriptions = (a: RouteAdvice, d: DescriptionCitation[]): RouteAdvice => ({ ...a, authorisedDescriptions: d, alternatives: a.alternatives.map((x) => withDescriptions(x, d)) });

/**
 * The legal regime of a planned route, as the comparison engine takes it. Automatic routes need no comparison;
 * an unknown regulation or an individual assessment gives none, and the content comparison decides.
 */
export function regimeFor(plan: RoutePlan): ComparisonRegime | undefined {
  const rule = plan.applied[0]?.rule;
  const fromRule = rule ? { legalBasis: rule.document.legalBasis ?? rule.document.instrument.name, ruleKey: rule.key } : null;
  if (plan.route === 'GENERAL_SYSTEM') {
    return { kind: 'GENERAL_SYSTEM', legalBasis: plan.entry?.legalBasis ?? fromRule?.legalBasis ?? 'Directive 2005/36/EC Art. 13, 14', ...(fromRule ? { ruleKey: fromRule.ruleKey } : {}) };
  }
  if (plan.route === 'NOT_REGULATED' && plan.entry) {
    return { kind: 'NOT_REGULATED', legalBasis: plan.entry.legalBasis ?? `${plan.entry.profession} is not regulated in ${plan.entry.jurisdiction} (registry)` };
  }
  if (plan.route === 'AUTOMATIC_PROFESSIONAL_RECOGNITION' && fromRule) return { kind: 'SECTORAL_AUTOMATIC', ...fromRule };
  if (plan.route === 'AUTOMATIC_LEVEL_RECOGNITION' && fromRule) return { kind: 'AUTOMATIC_LEVEL', ...fromRule };
  return undefined;
}

export interface StatementBasis {
  id: string;
  version: number;
  verdict: 'FULL' | 'PARTIAL' | 'NONE';
  rationale: string;
  compensation: string[];
  destinationJurisdiction: string;
  holderKey: string;
  referenceKey: string;
  publishedAt: Date;
}

/** What `verifyCredential(adviseFor: …)` asks for. */
export interface AdviseFor {
  jurisdiction: string;
  profession?: string | null;
  purpose?: Purpose | null;
  lang?: AdviceLang | null;
  asOf?: string | null;
}

export interface VerificationAdvice {
  advice: RouteAdvice | null;
  /** Why there is no advice, when there is none. */
  adviceNote: string | null;
}

/** Route advice next to a verification: only for a valid credential that refers to a catalogue qualification. */
export async function adviceForVerification(service: RecognitionService, valid: boolean, qualificationId: string | null, adviseFor: AdviseFor | null | undefined): Promise<VerificationAdvice> {
  if (!adviseFor) return { advice: null, adviceNote: null };
  if (!valid) return { advice: null, adviceNote: 'No advice: the credential did not verify.' };
  if (!qualificationId) return { advice: null, adviceNote: 'No advice: the credential does not refer to a catalogue qualification.' };
  const advice = await service.route({ qualificationId, destination: adviseFor.jurisdiction, profession: adviseFor.profession, purpose: adviseFor.purpose, lang: adviseFor.lang, asOf: adviseFor.asOf });
  return { advice, adviceNote: null };
}
