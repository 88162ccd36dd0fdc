import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Permission } from '../../permissions/permission.enum';

/**
 * A named set of grants. Built-in roles (GUEST … ADMIN) have no tenant, are shared by every
 * tenant and cannot be edited; tenants define their own beside them.
 */
@Entity('role')
export class RoleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for a built-in role. */
  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  grants: Permission[];

  @Column('boolean', { default: false })
  builtIn: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;

  /** Tenant roles are soft-deleted: past memberships still name them. */
  @DeleteDateColumn({ type: 'timestamptz', precision: 3, nullable: true })
  deletedAt: Date | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('uuid', { nullable: true })
  updatedBy: string | null;
}
