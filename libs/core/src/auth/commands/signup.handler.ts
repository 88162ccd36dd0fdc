import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { UnitOfWork } from '../../database/unit-of-work';
import { OrganizationCreationSteps } from '../../organizations/organization-creation-steps';
import { ForbiddenError } from '../../errors/domain-error';
import { BUILT_IN_ROLE_IDS } from '../../permissions/built-in-roles';
import { Actor } from '../../tenancy/actor';
import { MembershipEntity } from '../../tenancy/entities/membership.entity';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { TenantEntity } from '../../tenancy/entities/tenant.entity';
import { UserEntity } from '../../tenancy/entities/user.entity';
import { unscopedRepository } from '../../tenancy/unscoped-repository';
import { PasswordHasher } from '../password-hasher';
import { type IssuedTokens, SessionService } from '../session.service';
import { SignupCommand } from './signup.command';
import {
  MemberAdded,
  membershipSnapshot,
  OrganizationCreated,
  organizationSnapshot,
} from '../../organizations/events/organization.events';
import { TenantCreated, tenantSnapshot, UserCreated, userSnapshot } from '../../tenancy/events/tenancy.events';

/** A new tenant, its first organization, and its first user as that organization's ADMIN. */
@CommandHandler(SignupCommand)
export class SignupHandler implements ICommandHandler<SignupCommand, IssuedTokens> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly creationSteps: OrganizationCreationSteps,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ input, client }: SignupCommand): Promise<IssuedTokens> {
    if (!this.config.auth.signupEnabled) {
      throw new ForbiddenError('Self-service signup is disabled on this server.', 'SIGNUP_DISABLED');
    }
    const passwordHash = await this.passwords.hash(input.password);
    const ids = { tenant: randomUUID(), organization: randomUUID(), user: randomUUID() };
    const actor = new Actor('user', ids.user, ids.tenant, new Map());
    return this.uow.runAs(actor, async (tx) => {
      const tenant = await unscopedRepository(tx.unscopedManager(), TenantEntity).save(
        tx.unscopedManager().create(TenantEntity, {
          id: ids.tenant,
          name: input.tenantName,
        }),
      );
      const base = { tenantId: tenant.id, createdBy: ids.user, updatedBy: ids.user };
      const organization = await unscopedRepository(tx.unscopedManager(), OrganizationEntity).save(
        tx.unscopedManager().create(OrganizationEntity, {
          ...base,
          id: ids.organization,
          name: input.organizationName,
        }),
      );
      const user = await unscopedRepository(tx.unscopedManager(), UserEntity).save(
        tx.unscopedManager().create(UserEntity, {
          ...base,
          id: ids.user,
          email: input.email.toLowerCase(),
          firstName: input.firstName,
          lastName: input.lastName,
          passwordHash,
        }),
      );
      const membership = await unscopedRepository(tx.unscopedManager(), MembershipEntity).save(
        tx.unscopedManager().create(MembershipEntity, {
          ...base,
          organizationId: organization.id,
          userId: user.id,
          roleId: BUILT_IN_ROLE_IDS.ADMIN,
        }),
      );
      await tx.publish(TenantCreated, { entityId: tenant.id, organizationId: null, after: tenantSnapshot(tenant) });
      await tx.publish(OrganizationCreated, {
        entityId: organization.id,
        organizationId: organization.id,
        after: organizationSnapshot(organization),
      });
      await tx.publish(UserCreated, { entityId: user.id, organizationId: null, after: userSnapshot(user) });
      await tx.publish(MemberAdded, {
        entityId: membership.id,
        organizationId: organization.id,
        after: membershipSnapshot(membership),
      });
      await this.creationSteps.run(tx, organization);
      return this.sessions.open(tx.unscopedManager(), user, client);
    });
  }
}
