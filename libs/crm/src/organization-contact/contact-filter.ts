import { escapeLike, type FacetValue } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { customerSearchText } from '../customers';
import { type ListSearch, listSearch } from '../search';
import { whereTagged, whereTaggedAny } from '../tags';
import type { BudgetType, ContactKind } from '../contact-kind';
import { CONTACT_MEMBERS } from './contact-members';
import { CONTACT_TAGS } from './contact-tags';
import type { ContactEntity } from './entities/contact.entity';

/** What a contact list may be narrowed by, from either API surface. */
export interface ContactFilter {
  /** One organization (Gauzy's `where[organizationId]`), checked against the actor's reach. */
  readonly organizationId?: string;
  readonly tenantId?: string;
  readonly contactType?: ContactKind;
  /** Case-insensitive. */
  readonly status?: string;
  readonly ownerId?: string;
  readonly customerId?: string;
  /** A tag id or name. */
  readonly tag?: string;
  /** Any of these tag ids (Gauzy's `where[tags]`). */
  readonly tagIds?: readonly string[];
  /** Any of these assigned users (Gauzy's `where[members]`). */
  readonly memberIds?: readonly string[];
  readonly budgetType?: BudgetType;
  readonly isActive?: boolean;
  /** Name, e-mail, phone or company name contains. */
  readonly q?: string;
  /** Contains, case-insensitive (Gauzy's `where[name]`, `where[primaryEmail]`, `where[primaryPhone]`). */
  readonly name?: string;
  readonly primaryEmail?: string;
  readonly primaryPhone?: string;
}

/** The filters answered from the `contact_facet_count` counters, with their counted columns. */
const CONTACT_FACETS: Readonly<Partial<Record<keyof ContactFilter, Omit<FacetValue, 'value'>>>> = {
  contactType: { column: 'contact_type' },
  status: { column: 'status', lowerCase: true },
  ownerId: { column: 'owner_id' },
};

/**
 * The counted values a list is narrowed by, when nothing else narrows it (none: the unfiltered
 * list); `undefined` when another filter applies. The organization is the counters' own key.
 */
export function contactFacets(filter: ContactFilter): FacetValue[] | undefined {
  const facets: FacetValue[] = [];
  for (const [key, value] of Object.entries(filter) as Array<[keyof ContactFilter, unknown]>) {
    if (key === 'organizationId' || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const facet = CONTACT_FACETS[key];
    if (facet === undefined || typeof value !== 'string') return undefined;
    facets.push({ ...facet, value: value.trim() });
  }
  return facets;
}

/** Sortable fields of contact lists. */
export const CONTACT_SORTS = { createdAt: 'createdAt', updatedAt: 'updatedAt', name: 'name' } as const;

function contains(value: string): string {
  return `%${escapeLike(value.trim().toLowerCase())}%`;
}

/**
 * The lists' `q` on name, e-mail and phone (`contact_search_trgm`) or the company's name and
 * domain, typo-forgiving; exact then prefix matches of the contact's name or e-mail rank first.
 */
export function contactSearch(alias: string, q: string | undefined): ListSearch | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const email = `lower(${alias}.primaryEmail)`;
  return listSearch('contactQ', q, {
    text: `${alias}.searchText`,
    exact: [`lower(${alias}.name)`, email],
    prefix: [`${alias}.searchText`, email],
  });
}

/** The filters, shared by the JSON pages of both surfaces and the export. */
export function applyContactFilters(
  qb: SelectQueryBuilder<ContactEntity>,
  filter: ContactFilter,
  tenantId: string,
): SelectQueryBuilder<ContactEntity> {
  const c = qb.alias;
  if (filter.organizationId !== undefined) {
    qb.andWhere(`${c}.organizationId = :filterOrganizationId`, { filterOrganizationId: filter.organizationId });
  }
  if (filter.tenantId !== undefined)
    qb.andWhere(`${c}.tenantId = :filterTenantId`, { filterTenantId: filter.tenantId });
  if (filter.contactType !== undefined)
    qb.andWhere(`${c}.contactType = :contactType`, { contactType: filter.contactType });
  if (filter.status !== undefined) qb.andWhere(`lower(${c}.status) = lower(:status)`, { status: filter.status.trim() });
  if (filter.ownerId !== undefined) qb.andWhere(`${c}.ownerId = :ownerId`, { ownerId: filter.ownerId });
  if (filter.customerId !== undefined) qb.andWhere(`${c}.customerId = :customerId`, { customerId: filter.customerId });
  if (filter.budgetType !== undefined) qb.andWhere(`${c}.budgetType = :budgetType`, { budgetType: filter.budgetType });
  if (filter.isActive !== undefined) qb.andWhere(`${c}.isActive = :isActive`, { isActive: filter.isActive });
  if (filter.tag !== undefined) whereTagged(qb, CONTACT_TAGS, filter.tag);
  if (filter.tagIds !== undefined && filter.tagIds.length > 0) whereTaggedAny(qb, CONTACT_TAGS, filter.tagIds);
  if (filter.memberIds !== undefined && filter.memberIds.length > 0) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM contact_member filter_member
                WHERE ${CONTACT_MEMBERS.linkedTo('filter_member', c)} AND filter_member.user_id = ANY(:filterMemberIds))`,
      { filterMemberIds: [...filter.memberIds] },
    );
  }
  if (filter.name !== undefined) qb.andWhere(`${c}.name ILIKE :nameContains`, { nameContains: contains(filter.name) });
  if (filter.primaryEmail !== undefined) {
    qb.andWhere(`${c}.primaryEmail ILIKE :emailContains`, { emailContains: contains(filter.primaryEmail) });
  }
  if (filter.primaryPhone !== undefined) {
    qb.andWhere(`${c}.primaryPhone ILIKE :phoneContains`, { phoneContains: contains(filter.primaryPhone) });
  }
  const search = contactSearch(c, filter.q);
  if (search !== undefined) {
    // `search_text` (lower name, e-mail, phone) and the company's search text both have trigram
    // indexes; the matching companies are resolved once, then their contacts found by customer_id.
    const company = listSearch('contactQ', filter.q ?? '', {
      text: customerSearchText('q_customer', 'sql'),
      exact: [],
      prefix: [],
    });
    qb.andWhere(
      `(${search.where} OR ${c}.customerId = ANY(ARRAY(
          SELECT q_customer.id FROM customer q_customer
           WHERE q_customer.tenant_id = :qTenantId AND q_customer.deleted_at IS NULL
             AND ${company.where})))`,
      { ...search.parameters, qTenantId: tenantId },
    );
  }
  return qb;
}
