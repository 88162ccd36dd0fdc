import type TestAgent from 'supertest/lib/agent';
import { expect } from 'vitest';
import { bearer, type Session } from './auth-helpers';
import type { CrmWorld } from './crm-world';
import { aContact, aCustomer, anInvoice, anOrganizationContact, aTag, aTicket, type RecordBody } from './factories';

/** What every create answers: the stored record, with its id. */
interface CreatedRecord {
  readonly id: string;
  readonly [field: string]: unknown;
}

export interface ContactRecord extends CreatedRecord {
  readonly name: string;
  readonly email: string | null;
  readonly ownerId: string | null;
  readonly customerId: string | null;
}

export interface CustomerRecord extends CreatedRecord {
  readonly name: string;
  readonly contactCount: number;
  readonly tags: ReadonlyArray<{ id: string; name: string }>;
}

export interface OrganizationContactRecord extends CreatedRecord {
  readonly name: string;
  readonly contactType: string;
  readonly primaryEmail: string | null;
  readonly budget: number | string | null;
  readonly tags?: ReadonlyArray<{ id: string }>;
  readonly members?: ReadonlyArray<{ id: string }>;
}

export interface TagRecord extends CreatedRecord {
  readonly name: string;
}

export interface TicketRecord extends CreatedRecord {
  readonly organizationId: string;
  readonly title: string;
  readonly status: 'OPEN' | 'PENDING' | 'RESOLVED' | 'CLOSED';
  readonly priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
  readonly customerId: string | null;
  readonly assigneeId: string | null;
  readonly contacts: ReadonlyArray<{ id: string; name: string; email: string | null }>;
  readonly tags: ReadonlyArray<{ id: string; name: string }>;
  readonly version: number;
}

export interface InvoiceRecord extends CreatedRecord {
  readonly number: string | null;
  readonly status: string;
  readonly currency: string;
  readonly total: string;
  readonly balance: string;
}

/** The CRM's records made through the API, as one of the world's sessions (see `factories.ts`). */
export interface CrmRecords {
  /** The organization a session writes to unless told: globex's for its ADMIN, acme's for everyone else. */
  orgOf(session: Session): string;
  createContact(session: Session, overrides?: RecordBody, organizationId?: string): Promise<ContactRecord>;
  createCustomer(session: Session, overrides?: RecordBody, organizationId?: string): Promise<CustomerRecord>;
  createTag(session: Session, overrides?: RecordBody, organizationId?: string): Promise<TagRecord>;
  createTicket(session: Session, overrides?: RecordBody, organizationId?: string): Promise<TicketRecord>;
  /** A draft invoice (`anInvoice`); pass `contactId` or `customerId` to make it sendable. */
  createInvoice(session: Session, overrides?: RecordBody, organizationId?: string): Promise<InvoiceRecord>;
  /** Gauzy's endpoint names the organization in the body, not in `X-Organization-Id`. */
  createOrganizationContact(
    session: Session,
    overrides?: RecordBody,
    organizationId?: string,
  ): Promise<OrganizationContactRecord>;
}

export function crmRecords(http: TestAgent, world: Pick<CrmWorld, 'acme' | 'globex'>): CrmRecords {
  const orgOf = (session: Session): string =>
    session.userId === world.globex.admin.userId ? world.globex.organizationId : world.acme.organizationId;

  async function created<T extends CreatedRecord>(
    path: string,
    session: Session,
    organizationId: string,
    body: RecordBody,
  ): Promise<T> {
    const response = await http.post(path).set(bearer(session)).set('X-Organization-Id', organizationId).send(body);
    expect(response.status, `POST ${path}: ${JSON.stringify(response.body)}`).toBe(201);
    return response.body as T;
  }

  return {
    orgOf,
    createContact: (session, overrides = {}, organizationId = orgOf(session)) =>
      created<ContactRecord>('/api/crm/contacts', session, organizationId, aContact(overrides)),
    createCustomer: (session, overrides = {}, organizationId = orgOf(session)) =>
      created<CustomerRecord>('/api/crm/customers', session, organizationId, aCustomer(overrides)),
    createTag: (session, overrides = {}, organizationId = orgOf(session)) =>
      created<TagRecord>('/api/tags', session, organizationId, aTag(overrides)),
    createTicket: (session, overrides = {}, organizationId = orgOf(session)) =>
      created<TicketRecord>('/api/tickets', session, organizationId, aTicket(overrides)),
    createInvoice: (session, overrides = {}, organizationId = orgOf(session)) =>
      created<InvoiceRecord>('/api/invoices', session, organizationId, anInvoice(overrides)),
    createOrganizationContact: async (session, overrides = {}, organizationId = orgOf(session)) => {
      const response = await http
        .post('/api/organization-contact')
        .set(bearer(session))
        .send(anOrganizationContact({ organizationId, ...overrides }));
      expect(response.status, `POST /api/organization-contact: ${JSON.stringify(response.body)}`).toBe(201);
      return response.body as OrganizationContactRecord;
    },
  };
}
