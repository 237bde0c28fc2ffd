import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client's API key: only its SHA-256 is stored, never the key itself. */
@Entity({ name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** `triage` or `admin`. */
  @Column({ type: 'varchar', length: 16 })
  scope!: string;

  /** Hex SHA-256 of the whole key; unique, looked up on every authenticated request. */
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash!: string;

  /** The first characters of the key, so people can tell their keys apart in a list. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16 })
  keyPrefix!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  /** Set by DELETE: the row stays, so the analyses it owned keep a meaningful owner. */
  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;
}
