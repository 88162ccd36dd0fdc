import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PasswordHasher } from '../../auth/password-hasher';
import { type Transaction, UnitOfWork } from '../../database/unit-of-work';
import { MembershipEntity } from '../../tenancy/entities/membership.entity';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { UserEntity } from '../../tenancy/entities/user.entity';
import { findAssignableRole } from '../assignable-role';
import { AddMemberCommand } from './add-member.command';
import { UserCreated, userSnapshot } from '../../tenancy/events/tenancy.events';
import { MemberAdded, membershipSnapshot } from '../events/organization.events';

/** Adds an existing user of the tenant, or a new one, to an organization with a role. */
@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand, MembershipEntity> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ organizationId, input }: AddMemberCommand): Promise<MembershipEntity> {
    const passwordHash = input.userId === undefined ? await this.passwords.hash(input.password ?? '') : undefined;
    return this.uow.run(async (tx) => {
      const organization = await tx.repository(OrganizationEntity).findOneOrFail(organizationId);
      const role = await findAssignableRole(tx, organization.id, input);
      const user =
        input.userId === undefined
          ? await this.createUser(tx, input, passwordHash ?? '')
          : await tx.repository(UserEntity).findOneOrFail(input.userId);
      const memberships = tx.repository(MembershipEntity);
      const membership = await memberships.save(
        memberships.create({ organizationId: organization.id, userId: user.id, roleId: role.id }),
      );
      await tx.publish(MemberAdded, {
        entityId: membership.id,
        organizationId: organization.id,
        after: membershipSnapshot(membership),
      });
      return Object.assign(membership, { user, role });
    });
  }

  private async createUser(
    tx: Transaction,
    input: AddMemberCommand['input'],
    passwordHash: string,
  ): Promise<UserEntity> {
    const users = tx.repository(UserEntity);
    const user = await users.save(
      users.create({
        email: (input.email ?? '').toLowerCase(),
        firstName: input.firstName ?? '',
        lastName: input.lastName ?? '',
        passwordHash,
      }),
    );
    await tx.publish(UserCreated, { entityId: user.id, organizationId: null, after: userSnapshot(user) });
    return user;
  }
}
