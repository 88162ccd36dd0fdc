import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { OrganizationScopedEntity } from '../scoped.entity';
import { RoleEntity } from './role.entity';
import { UserEntity } from './user.entity';

/** One user's role in one organization. */
@Entity('membership')
export class MembershipEntity extends OrganizationScopedEntity {
  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('uuid')
  roleId: string;

  @ManyToOne(() => RoleEntity)
  @JoinColumn({ name: 'role_id' })
  role?: RoleEntity;
}
