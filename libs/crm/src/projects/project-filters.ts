import { escapeLike } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import type { ListProjectsParams } from './dto/list-projects.params';
import type { ProjectEntity } from './entities/project.entity';
import { PROJECT_CONTACTS } from './project-contacts';

/** The project list's filters, shared with a contact's projects. */
export function applyProjectFilters(
  qb: SelectQueryBuilder<ProjectEntity>,
  params: ListProjectsParams,
): SelectQueryBuilder<ProjectEntity> {
  const alias = qb.alias;
  const q = params.q?.trim();
  if (q !== undefined && q !== '') {
    qb.andWhere(`lower(${alias}.name) LIKE :projectQ`, { projectQ: `%${escapeLike(q.toLowerCase())}%` });
  }
  if (params.status !== undefined) qb.andWhere(`${alias}.status = :projectStatus`, { projectStatus: params.status });
  if (params.customerId !== undefined) {
    qb.andWhere(`${alias}.customerId = :projectCustomerId`, { projectCustomerId: params.customerId });
  }
  if (params.contactId !== undefined) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM ${PROJECT_CONTACTS.table} filter_contact
                WHERE ${PROJECT_CONTACTS.linkedTo('filter_contact', alias)} AND filter_contact.contact_id = :projectContactId)`,
      { projectContactId: params.contactId },
    );
  }
  return qb;
}

/** Sortable fields of the project list (all NOT NULL). */
export const PROJECT_SORTS = {
  name: 'name',
  status: 'status',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const;
