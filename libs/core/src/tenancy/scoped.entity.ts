import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** Columns every tenant-owned row carries (DESIGN §1 "Common columns"). */
export abstract class TenantScopedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz', precision: 3, nullable: true })
  deletedAt: Date | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('uuid', { nullable: true })
  updatedBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}

/** A CRM record: owned by one organization of one tenant. */
export abstract class OrganizationScopedEntity extends TenantScopedEntity {
  @Column('uuid')
  organizationId: string;
}
