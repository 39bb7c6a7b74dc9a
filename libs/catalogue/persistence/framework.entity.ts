import { Column, Entity, OneToMany, PrimaryColumn, UpdateDateColumn, Relation } from 'typeorm';
import type { LocalizedText } from '../domain/qualification-file.schema';
import { FrameworkLevelEntity } from './framework-level.entity';

@Entity('framework')
export class FrameworkEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('jsonb')
  name: LocalizedText;

  @Column('text', { name: 'jurisdiction_code', nullable: true })
  jurisdictionCode: string | null;

  @Column('jsonb')
  dimensions: string[];

  @Column('jsonb')
  sources: Array<{ url: string; title?: string }>;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => FrameworkLevelEntity, (l) => l.framework, { cascade: true })
  levels: Relation<FrameworkLevelEntity[]>;
}
