/** A contact's fields as both floors read them, before they become the API's JSON. */
export interface ContactFields {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly jobTitle: string | null;
  readonly kind: string;
  readonly status: string | null;
  readonly customerId: string | null;
  readonly ownerId: string | null;
  readonly marketingOptOut: boolean;
  readonly isActive: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

export interface CustomerSummary {
  readonly id: string;
  readonly name: string;
  readonly primaryDomain: string | null;
  readonly logoUrl: string | null;
}

export interface TagSummary {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

/**
 * The API's `CrmContactResponse` (libs/crm/src/organization-contact/dto/crm-contact.response.ts):
 * the one place to keep the floors' JSON in step with it.
 */
export function contactJson(
  contact: ContactFields,
  customer: CustomerSummary | null,
  tags: readonly TagSummary[],
): Record<string, unknown> {
  return {
    id: contact.id,
    organizationId: contact.organizationId,
    name: contact.name,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    jobTitle: contact.jobTitle,
    kind: contact.kind,
    status: contact.status,
    customerId: contact.customerId,
    customer,
    ownerId: contact.ownerId,
    marketingOptOut: contact.marketingOptOut,
    isActive: contact.isActive,
    tags,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    version: contact.version,
  };
}

/** `CrmContactDetailResponse`: the contact plus the sections of modules that do not exist yet. */
export function contactDetailJson(
  contact: ContactFields,
  customer: CustomerSummary | null,
  tags: readonly TagSummary[],
): Record<string, unknown> {
  return { ...contactJson(contact, customer, tags), openDeals: [], recentActivities: [], notes: [], tickets: [] };
}

/** Columns of TypeORM's aliased SELECT (`"contact"."name" AS "contact_name"`), by alias. */
export function aliasedContact(row: Record<string, unknown>, alias: string): ContactFields {
  const get = (column: string): unknown => row[`${alias}_${column}`];
  return {
    id: get('id') as string,
    organizationId: get('organization_id') as string,
    name: get('name') as string,
    firstName: get('first_name') as string | null,
    lastName: get('last_name') as string | null,
    email: get('primary_email') as string | null,
    phone: get('primary_phone') as string | null,
    jobTitle: get('job_title') as string | null,
    kind: get('contact_type') as string,
    status: get('status') as string | null,
    customerId: get('customer_id') as string | null,
    ownerId: get('owner_id') as string | null,
    marketingOptOut: get('marketing_opt_out') as boolean,
    isActive: get('is_active') as boolean,
    createdAt: get('created_at') as Date,
    updatedAt: get('updated_at') as Date,
    version: get('version') as number,
  };
}

/**
 * A contact read with its relations embedded as JSON columns (`relation_customer`,
 * `relation_tags`, already parsed by pg), as the API's `selectContactRelations` reads it.
 */
export function embeddedContactJson(
  row: Record<string, unknown>,
  alias: string,
  json: typeof contactJson = contactJson,
): Record<string, unknown> {
  const customer = (row.relation_customer as CustomerSummary | null | undefined) ?? null;
  return json(aliasedContact(row, alias), customer, row.relation_tags as TagSummary[]);
}

/** The page floor's own SELECT list: the fields, the customer and the tags in one statement. */
export const FLOOR_CONTACT_SELECT = `c.id, c.organization_id AS "organizationId", c.name, c.first_name AS "firstName",
  c.last_name AS "lastName", c.primary_email AS email, c.primary_phone AS phone, c.job_title AS "jobTitle",
  c.contact_type AS kind, c.status, c.customer_id AS "customerId", c.owner_id AS "ownerId",
  c.marketing_opt_out AS "marketingOptOut", c.is_active AS "isActive", c.created_at AS "createdAt",
  c.updated_at AS "updatedAt", c.version,
  CASE WHEN cu.id IS NULL THEN NULL
       ELSE json_build_object('id', cu.id, 'name', cu.name, 'primaryDomain', cu.primary_domain, 'logoUrl', cu.logo_url)
  END AS customer,
  ARRAY(SELECT json_build_object('id', t.id, 'name', t.name, 'color', t.color)
          FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id AND t.deleted_at IS NULL
         WHERE ct.tenant_id = c.tenant_id AND ct.organization_id = c.organization_id AND ct.contact_id = c.id
         ORDER BY t.name, t.id) AS tags`;

export const FLOOR_CONTACT_FROM = `contact c LEFT JOIN customer cu ON cu.id = c.customer_id AND cu.deleted_at IS NULL`;

export interface FloorContactRow extends ContactFields {
  readonly customer: CustomerSummary | null;
  readonly tags: TagSummary[];
}
