import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers';
import { CreateProjectHandler } from './commands/create-project.handler';
import { DeleteProjectHandler } from './commands/delete-project.handler';
import { UpdateProjectHandler } from './commands/update-project.handler';
import { ContactProjectsController } from './contact-projects.controller';
import { ProjectEntity } from './entities/project.entity';
import { ProjectsController } from './projects.controller';
import { GetProjectHandler } from './queries/get-project.handler';
import { ListProjectsHandler } from './queries/list-projects.handler';
import { UnlinkProjectsOfDeletedCustomer } from './unlink-deleted-customer';
import './project-transfer';

/** Projects with a status, an optional customer and their contacts; a contact's projects. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([ProjectEntity]), CustomersModule],
  controllers: [ProjectsController, ContactProjectsController],
  providers: [
    UnlinkProjectsOfDeletedCustomer,
    CreateProjectHandler,
    UpdateProjectHandler,
    DeleteProjectHandler,
    ListProjectsHandler,
    GetProjectHandler,
  ],
})
export class ProjectsModule {}
