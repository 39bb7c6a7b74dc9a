import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LocalizedText } from '../domain/qualification-file.schema';

@Entity('jurisdiction')
export class JurisdictionEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text', { name: 'parent_code', nullable: true })
  parentCode: string | null;

  @Column('text')
  type: string;

  @Column('jsonb')
  name: LocalizedText;

  @Column('jsonb')
  sources: Array<{ url: string; title?: string }>;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
