import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, Relation } from 'typeorm';
import type { LocalizedText, QualificationFile } from '../domain/qualification-file.schema';
import { QualificationUnitEntity } from './qualification-unit.entity';

@Entity('qualification')
export class QualificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  key: string;

  @Column('text', { nullable: true })
  code: string | null;

  @Column('text', { name: 'code_scheme', nullable: true })
  codeScheme: string | null;

  @Column('text', { name: 'jurisdiction_code' })
  jurisdictionCode: string;

  @Column('text')
  kind: string;

  @Column('jsonb')
  title: LocalizedText;

  @Column('text', { name: 'framework_code' })
  frameworkCode: string;

  @Column('text', { name: 'national_level' })
  nationalLevel: string;

  @Column('smallint', { name: 'eqf_level' })
  eqfLevel: number;

  @Column('text', { name: 'art11_level', nullable: true })
  art11Level: string | null;

  @Column('int', { name: 'duration_months', nullable: true })
  durationMonths: number | null;

  @Column('jsonb')
  workload: QualificationFile['workload'];

  @Column('text', { name: 'legal_basis', nullable: true })
  legalBasis: string | null;

  @Column('jsonb')
  bodies: QualificationFile['bodies'];

  @Column('date', { name: 'valid_from', nullable: true })
  validFrom: string | null;

  @Column('date', { name: 'valid_until', nullable: true })
  validUntil: string | null;

  @Column('jsonb')
  sources: QualificationFile['sources'];

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt: Date | null;

  @Column('text', { name: 'retired_reason', nullable: true })
  retiredReason: string | null;

  @Column('int')
  version: number;

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Column('text', { name: 'search_text', select: false })
  searchText: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => QualificationUnitEntity, (u) => u.qualification)
  units: Relation<QualificationUnitEntity[]>;
}
