import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('esco_skill')
export class EscoSkillEntity {
  @PrimaryColumn('text')
  uri: string;

  @Column('text', { name: 'skill_type', nullable: true })
  skillType: string | null;

  @Column('text', { name: 'reuse_level', nullable: true })
  reuseLevel: string | null;

  @Column('jsonb')
  label: Record<string, string>;

  @Column('jsonb', { name: 'alt_labels' })
  altLabels: Record<string, string[]>;

  @Column('text', { nullable: true })
  description: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('esco_occupation')
export class EscoOccupationEntity {
  @PrimaryColumn('text')
  uri: string;

  @Column('text', { name: 'isco_group', nullable: true })
  iscoGroup: string | null;

  @Column('jsonb')
  label: Record<string, string>;

  @Column('jsonb', { name: 'alt_labels' })
  altLabels: Record<string, string[]>;

  @Column('text', { name: 'regulated_note', nullable: true })
  regulatedNote: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
