import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { LocalizedText } from '../domain/qualification-file.schema';
import { FrameworkEntity } from './framework.entity';

@Entity('framework_level')
export class FrameworkLevelEntity {
  @PrimaryColumn('text', { name: 'framework_code' })
  frameworkCode: string;

  @PrimaryColumn('text')
  level: string;

  @Column('smallint', { name: 'eqf_level', nullable: true })
  eqfLevel: number | null;

  @Column('jsonb', { nullable: true })
  description: LocalizedText | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('int')
  position: number;

  @ManyToOne(() => FrameworkEntity, (f) => f.levels, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_code' })
  framework: Relation<FrameworkEntity>;
}
