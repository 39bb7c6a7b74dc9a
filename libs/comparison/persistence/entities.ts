import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('comparison_policy')
export class ComparisonPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  key: string;

  @Column('int')
  version: number;

  @Column('jsonb')
  params: object;

  @Column('text', { nullable: true })
  note: string | null;

  /** Null: a shared policy (admins maintain it); else the jurisdiction whose experts maintain it. */
  @Column('text', { nullable: true })
  jurisdiction: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('outcome_mapping')
export class OutcomeMappingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'holder_qualification_id' })
  holderQualificationId: string;

  @Column('text', { name: 'holder_unit_key' })
  holderUnitKey: string;

  @Column('text', { name: 'holder_outcome_key' })
  holderOutcomeKey: string;

  @Column('uuid', { name: 'reference_qualification_id' })
  referenceQualificationId: string;

  @Column('text', { name: 'reference_unit_key' })
  referenceUnitKey: string;

  @Column('text', { name: 'reference_outcome_key' })
  referenceOutcomeKey: string;

  @Column('text')
  status: 'ASSERTED' | 'REJECTED';

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('comparison_report')
export class ComparisonReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'input_hash', unique: true })
  inputHash: string;

  @Column('uuid', { name: 'holder_qualification_id' })
  holderQualificationId: string;

  @Column('uuid', { name: 'reference_qualification_id' })
  referenceQualificationId: string;

  @Column('uuid', { name: 'policy_id' })
  policyId: string;

  @Column('int', { name: 'policy_version' })
  policyVersion: number;

  @Column('text', { name: 'engine_version' })
  engineVersion: string;

  @Column('text')
  lang: string;

  @Column('text')
  verdict: string;

  @Column('jsonb')
  report: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const DECISION_STATUSES = ['DRAFT', 'APPROVED', 'PUBLISHED', 'SUPERSEDED'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

@Entity('expert_decision')
export class ExpertDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'series_id' })
  seriesId: string;

  @Column('int')
  version: number;

  @Column('uuid', { name: 'report_id' })
  reportId: string;

  @Column('uuid', { name: 'holder_qualification_id' })
  holderQualificationId: string;

  @Column('uuid', { name: 'reference_qualification_id' })
  referenceQualificationId: string;

  @Column('text', { name: 'destination_jurisdiction' })
  destinationJurisdiction: string;

  @Column('text')
  verdict: string;

  @Column('text')
  rationale: string;

  @Column('jsonb')
  compensation: string[];

  @Column('text')
  status: DecisionStatus;

  @Column('text')
  author: string;

  @Column('text', { name: 'approved_by', nullable: true })
  approvedBy: string | null;

  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt: Date | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('uuid', { name: 'supersedes_id', nullable: true })
  supersedesId: string | null;

  @Column('uuid', { name: 'superseded_by_id', nullable: true })
  supersededById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const COMPARISON_ENTITIES = [ComparisonPolicyEntity, OutcomeMappingEntity, ComparisonReportEntity, ExpertDecisionEntity];
