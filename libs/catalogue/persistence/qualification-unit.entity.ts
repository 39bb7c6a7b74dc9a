import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { LocalizedText } from '../domain/qualification-file.schema';
import { LearningOutcomeEntity } from './learning-outcome.entity';
import { QualificationEntity } from './qualification.entity';

@Entity('qualification_unit')
export class QualificationUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'qualification_id' })
  qualificationId: string;

  @Column('text')
  key: string;

  @Column('text')
  kind: string;

  @Column('text', { nullable: true })
  code: string | null;

  @Column('jsonb')
  title: LocalizedText;

  @Column('numeric', { nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  hours: number | null;

  @Column('numeric', {
    name: 'assessment_weight_percent',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  assessmentWeightPercent: number | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('int')
  position: number;

  @ManyToOne(() => QualificationEntity, (q) => q.units, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'qualification_id' })
  qualification: Relation<QualificationEntity>;

  @OneToMany(() => LearningOutcomeEntity, (o) => o.unit)
  outcomes: Relation<LearningOutcomeEntity[]>;
}
