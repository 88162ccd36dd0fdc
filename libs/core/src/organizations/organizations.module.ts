import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { AddMemberHandler } from './commands/add-member.handler';
import { ChangeMemberRoleHandler } from './commands/change-member-role.handler';
import { CreateOrganizationHandler } from './commands/create-organization.handler';
import { RemoveMemberHandler } from './commands/remove-member.handler';
import { UpdateOrganizationHandler } from './commands/update-organization.handler';
import { OrganizationsController } from './organizations.controller';
import { GetOrganizationHandler } from './queries/get-organization.handler';
import { ListMembersHandler } from './queries/list-members.handler';
import { ListOrganizationsHandler } from './queries/list-organizations.handler';

@Module({
  imports: [CqrsModule, AuthModule],
  controllers: [OrganizationsController],
  providers: [
    CreateOrganizationHandler,
    UpdateOrganizationHandler,
    AddMemberHandler,
    ChangeMemberRoleHandler,
    RemoveMemberHandler,
    ListOrganizationsHandler,
    GetOrganizationHandler,
    ListMembersHandler,
  ],
})
export class OrganizationsModule {}
