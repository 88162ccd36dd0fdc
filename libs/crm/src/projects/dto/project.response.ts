import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STATUSES, type ProjectStatus } from '../project-status';
import type { ProjectContactSummary, ProjectView } from '../project-view';

/** A contact on a project. */
export class ProjectContactResponse {
  id: string;
  name: string;
  @ApiProperty({ nullable: true, type: String })
  email: string | null;

  static from(contact: ProjectContactSummary): ProjectContactResponse {
    return { id: contact.id, name: contact.name, email: contact.email };
  }
}

export class ProjectResponse {
  id: string;
  organizationId: string;
  name: string;
  @ApiProperty({ nullable: true, type: String })
  description: string | null;
  @ApiProperty({ enum: PROJECT_STATUSES })
  status: ProjectStatus;
  @ApiProperty({ nullable: true, type: String })
  customerId: string | null;
  /** Live contacts, by name. */
  contacts: ProjectContactResponse[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from({ project, contacts }: ProjectView): ProjectResponse {
    return {
      id: project.id,
      organizationId: project.organizationId,
      name: project.name,
      description: project.description,
      status: project.status,
      customerId: project.customerId,
      contacts: contacts.map((contact) => ProjectContactResponse.from(contact)),
      createdAt: project.createdAt.toISOString(),
      updatedAt: project.updatedAt.toISOString(),
      version: project.version,
    };
  }
}
