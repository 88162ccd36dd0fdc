import { Column, Entity } from 'typeorm';
import { TenantScopedEntity } from '../scoped.entity';

/** A person who logs in. E-mail is unique across the installation (login names no tenant). */
@Entity('app_user')
export class UserEntity extends TenantScopedEntity {
  @Column('text')
  email: string;

  @Column('text')
  firstName: string;

  @Column('text')
  lastName: string;

  @Column('text', { select: false })
  passwordHash: string;

  @Column('boolean', { default: true })
  isActive: boolean;

  get name(): string {
    return `${this.firstName} ${this.lastName}`.trim();
  }
}
