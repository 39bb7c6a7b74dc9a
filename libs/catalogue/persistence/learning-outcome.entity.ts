import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { EqfDimension } from '../domain/qualification-file.schema';
import { QualificationUnitEntity } from './qualification-unit.entity';

@Entity('learning_outcome')
export class LearningOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'unit_id' })
  unitId: string;

  @Column('uuid', { name: 'qualification_id' })
  qualificationId: string;

  @Column('text')
  key: string;

  @Column('text')
  text: string;

  @Column('text')
  lang: string;

  @Column('text')
  dimension: EqfDimension;

  @Column('text', { name: 'esco_skills', array: true })
  escoSkills: string[];

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('int')
  position: number;

  @ManyToOne(() => QualificationUnitEntity, (u) => u.outcomes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<QualificationUnitEntity>;
}
