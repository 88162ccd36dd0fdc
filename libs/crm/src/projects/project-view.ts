import type { RawRow } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import type { ProjectEntity } from './entities/project.entity';
import { PROJECT_CONTACTS } from './project-contacts';

/** A contact of a project, as the project shows it. */
export interface ProjectContactSummary {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
}

/** A project with its live contacts. */
export interface ProjectView {
  readonly project: ProjectEntity;
  readonly contacts: readonly ProjectContactSummary[];
}

const CONTACTS = 'view_contacts';

/** The project's live contacts as a JSON array of `ProjectContactSummary`, by name: a column of the project's statement. */
function projectContactsSql(alias: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', project_contact.id, 'name', project_contact.name,
                                                    'email', project_contact.primary_email)
                                  ORDER BY project_contact.name, project_contact.id), '[]'::json)
             FROM ${PROJECT_CONTACTS.table} contact_link
             JOIN contact project_contact ON project_contact.id = contact_link.contact_id
                                         AND project_contact.deleted_at IS NULL
                                         AND project_contact.tenant_id = "${alias}".tenant_id
            WHERE ${PROJECT_CONTACTS.linkedTo('contact_link', alias)})`;
}

export function selectProjectView(qb: SelectQueryBuilder<ProjectEntity>): SelectQueryBuilder<ProjectEntity> {
  return qb.addSelect(projectContactsSql(qb.alias), CONTACTS);
}

export function projectView(project: ProjectEntity, raw: RawRow): ProjectView {
  return { project, contacts: raw[CONTACTS] as ProjectContactSummary[] };
}
