/**
 * Test data, in two layers, so no test file writes its own copy:
 *
 * - Body builders here, `aThing(overrides)`: a valid request body with unique defaults (names and
 *   e-mails never collide on unique indexes), every field overridable. Pure, no HTTP.
 * - HTTP helpers in `crm-records.ts`, `createThing(session, overrides, organizationId)`: POST the
 *   builder's body as `session` in its organization (`orgOf(session)` unless named), assert the
 *   201 and return the created body. Build them once per file with `crmRecords(t.http, world)`.
 *
 * A new module (deals, tickets, invoices) adds `aDeal()` here, `createDeal` and its
 * `DealRecord` type in `crm-records.ts`, and its tests call those; a test that needs a body the
 * API refuses sends it itself, so the helpers stay the happy path.
 */
import { randomBytes } from 'node:crypto';

let sequence = 0;

/** A unique suffix, so rows made by different tests never collide on unique indexes. */
export function unique(prefix = ''): string {
  sequence += 1;
  return `${prefix}${sequence}${randomBytes(3).toString('hex')}`;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface SignupInput {
  tenantName: string;
  organizationName: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export function aSignup(overrides: Partial<SignupInput> = {}): SignupInput {
  const id = unique();
  return {
    tenantName: `Tenant ${id}`,
    organizationName: `Org ${id}`,
    email: `owner-${id}@example.test`,
    password: TEST_PASSWORD,
    firstName: 'Olive',
    lastName: `Owner${id}`,
    ...overrides,
  };
}

/** A request body: a builder's defaults with the caller's overrides on top. */
export type RecordBody = Readonly<Record<string, unknown>>;

/** `POST /api/crm/contacts`: a person with a unique last name and e-mail. */
export function aContact(overrides: RecordBody = {}): RecordBody {
  const id = unique();
  return { firstName: 'Pat', lastName: `Person${id}`, email: `person-${id}@example.test`, ...overrides };
}

/** `POST /api/crm/customers`: a company with a unique name. */
export function aCustomer(overrides: RecordBody = {}): RecordBody {
  return { name: `Customer ${unique()}`, ...overrides };
}

/** `POST /api/tags`: a tag with a unique name. */
export function aTag(overrides: RecordBody = {}): RecordBody {
  return { name: `Tag ${unique()}`, ...overrides };
}

/** `POST /api/organization-contact` (Gauzy's shape): a contact with a unique name; add `organizationId`. */
export function anOrganizationContact(overrides: RecordBody = {}): RecordBody {
  return { name: `Contact ${unique()}`, ...overrides };
}

/** `POST /api/tickets`: a ticket with a unique title. */
export function aTicket(overrides: RecordBody = {}): RecordBody {
  return { title: `Ticket ${unique()}`, ...overrides };
}

/** `POST /api/invoices`: a draft with two lines at 20% and 0% tax, in the organization's currency. */
export function anInvoice(overrides: RecordBody = {}): RecordBody {
  return {
    items: [
      { description: `Consulting ${unique()}`, quantity: '2', unitPrice: '100.00', taxRate: '20' },
      { description: 'Travel', quantity: '1', unitPrice: '50.00', taxRate: '0' },
    ],
    ...overrides,
  };
}
