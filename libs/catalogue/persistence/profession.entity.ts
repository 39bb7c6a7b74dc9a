import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LocalizedText } from '../domain/qualification-file.schema';

@Entity('profession')
export class ProfessionEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('jsonb')
  title: LocalizedText;

  @Column('text', { name: 'esco_occupation', nullable: true })
  escoOccupation: string | null;

  @Column('boolean', { name: 'esco_nearest_only' })
  escoNearestOnly: boolean;

  @Column('text', { name: 'jurisdiction_code', nullable: true })
  jurisdictionCode: string | null;

  @Column('jsonb')
  sources: Array<{ url: string; title?: string }>;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
