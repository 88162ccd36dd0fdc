import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A user's TOTP authenticator. Set up → `enabledAt` null until the first code proves the app
 * has the secret. The secret is stored encrypted (AES-256-GCM) and never selected by default.
 */
@Entity('user_mfa')
export class UserMfaEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @Column('uuid')
  tenantId: string;

  @Column('text', { select: false })
  secretEncrypted: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  enabledAt: Date | null;

  /** The RFC 6238 time step of the last accepted code: that code, and older ones, are spent. */
  @Column('bigint', {
    nullable: true,
    transformer: {
      to: (value: number | null) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  })
  lastTimeStep: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
