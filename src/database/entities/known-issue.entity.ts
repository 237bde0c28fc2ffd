import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per knowledge-base file ever loaded; rows are retired, never deleted (ids are kept). */
@Entity({ name: 'known_issue' })
export class KnownIssueEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  /** JSON array of component names. */
  @Column({ type: 'text' })
  components!: string;

  /** JSON of the whole validated entry, as the engine uses it. */
  @Column({ type: 'text' })
  definition!: string;

  /** sha256 of the YAML file. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ name: 'retired_at', type: Date, nullable: true })
  retiredAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
