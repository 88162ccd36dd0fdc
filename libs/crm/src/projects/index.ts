// What other rooms may use from projects.
export { PROJECT_CONTACTS } from './project-contacts';
export { PROJECT_STATUSES, type ProjectStatus } from './project-status';
export { ProjectEntity } from './entities/project.entity';
export { ProjectsModule } from './projects.module';
