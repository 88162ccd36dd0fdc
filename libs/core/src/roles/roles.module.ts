import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreateRoleHandler } from './commands/create-role.handler';
import { DeleteRoleHandler } from './commands/delete-role.handler';
import { UpdateRoleHandler } from './commands/update-role.handler';
import { GetRoleHandler } from './queries/get-role.handler';
import { ListRolesHandler } from './queries/list-roles.handler';
import { RolesController } from './roles.controller';

@Module({
  imports: [CqrsModule],
  controllers: [RolesController],
  providers: [CreateRoleHandler, UpdateRoleHandler, DeleteRoleHandler, ListRolesHandler, GetRoleHandler],
})
export class RolesModule {}
