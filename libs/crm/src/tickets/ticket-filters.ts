import { escapeLike, type FacetValue } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { whereTagged } from '../tags';
import type { ListTicketsParams } from './dto/list-tickets.params';
import type { TicketEntity } from './entities/ticket.entity';
import { TICKET_CONTACTS } from './ticket-contacts';
import { slaBreachedSql } from './ticket-sla';
import { TICKET_TAGS } from './ticket-tags';

/** The list's filters, shared by the JSON page, the export and the contact's and customer's tickets. */
export function applyTicketFilters(
  qb: SelectQueryBuilder<TicketEntity>,
  params: ListTicketsParams,
): SelectQueryBuilder<TicketEntity> {
  const alias = qb.alias;
  if (params.q !== undefined && params.q.trim() !== '') {
    qb.andWhere(`lower(${alias}.title) LIKE :ticketQ`, { ticketQ: `%${escapeLike(params.q.trim().toLowerCase())}%` });
  }
  const equal: ReadonlyArray<keyof ListTicketsParams & ('status' | 'priority' | 'assigneeId' | 'customerId')> = [
    'status',
    'priority',
    'assigneeId',
    'customerId',
  ];
  for (const param of equal) {
    const value = params[param];
    if (value !== undefined) qb.andWhere(`${alias}.${param} = :ticket_${param}`, { [`ticket_${param}`]: value });
  }
  if (params.contactId !== undefined) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM ${TICKET_CONTACTS.table} filter_contact
                WHERE ${TICKET_CONTACTS.linkedTo('filter_contact', alias)} AND filter_contact.contact_id = :ticketContactId)`,
      { ticketContactId: params.contactId },
    );
  }
  if (params.tag !== undefined) whereTagged(qb, TICKET_TAGS, params.tag);
  if (params.slaBreached !== undefined) {
    qb.andWhere(params.slaBreached ? slaBreachedSql(alias) : `NOT ${slaBreachedSql(alias)}`);
  }
  return qb;
}

/**
 * The counted values (status, priority, assignee) the list is narrowed by when nothing else
 * narrows it (none: the unfiltered list); `undefined` when any other filter applies.
 */
export function ticketFacets(params: ListTicketsParams): FacetValue[] | undefined {
  const uncounted = [
    params.q?.trim() || undefined,
    params.customerId,
    params.contactId,
    params.tag,
    params.slaBreached,
  ];
  if (uncounted.some((value) => value !== undefined)) return undefined;
  const facets: FacetValue[] = [];
  if (params.status !== undefined) facets.push({ column: 'status', value: params.status });
  if (params.priority !== undefined) facets.push({ column: 'priority', value: params.priority });
  if (params.assigneeId !== undefined) facets.push({ column: 'assignee_id', value: params.assigneeId });
  return facets;
}

/** Sortable fields of the ticket list (all NOT NULL). */
export const TICKET_SORTS = {
  title: 'title',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const;
