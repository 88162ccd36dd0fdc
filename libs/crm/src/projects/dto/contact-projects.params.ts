import { ProjectFilterParams } from './list-projects.params';

/** `GET crm/contacts/:id/projects`: the project list's filters, paged. */
export class ContactProjectsParams extends ProjectFilterParams {}
