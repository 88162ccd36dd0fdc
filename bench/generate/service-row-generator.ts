import type { PoolClient } from 'pg';
import type { DatasetPlan } from './dataset-plan';
import type { Cell, RowSink } from './row-sink';
import type { WrittenContact } from './sales-row-generator';
import { SeededRandom } from './seeded-random';

export const TICKET_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'title',
  'description',
  'status',
  'priority',
  'customer_id',
  'assignee_id',
  'resolved_at',
  'closed_at',
  'created_at',
  'updated_at',
  'deleted_at',
  'created_by',
  'updated_by',
  'version',
] as const;

export const TICKET_CONTACT_COLUMNS = ['tenant_id', 'organization_id', 'ticket_id', 'contact_id'] as const;

export const INVOICE_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'number',
  'status',
  'currency',
  'contact_id',
  'customer_id',
  'owner_id',
  'issue_date',
  'due_date',
  'payment_terms_days',
  'items',
  'taxes',
  'subtotal',
  'net_total',
  'tax_total',
  'total',
  'amount_paid',
  'balance',
  'sent_at',
  'sent_to',
  'voided_at',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'version',
] as const;

export const INVOICE_PAYMENT_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'invoice_id',
  'amount',
  'currency',
  'paid_on',
  'method',
  'reference',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'version',
] as const;

export interface ServiceSinks {
  readonly tickets: RowSink;
  readonly ticketContacts: RowSink;
  readonly invoices: RowSink;
  readonly invoicePayments: RowSink;
}

export interface ServiceCounts {
  tickets: number;
  ticketContacts: number;
  invoices: number;
  invoicePayments: number;
  contracts: number;
}

/** Tickets per live contact: 0.6 on average. */
const TICKETS_PER_CONTACT = { '0': 60, '1': 25, '2': 10, '3': 5 } as const;
/** Invoices per live contact with a customer: 0.5 on average. */
const INVOICES_PER_CONTACT = { '0': 65, '1': 20, '2': 15 } as const;
const TICKET_STATUSES = { OPEN: 20, PENDING: 10, RESOLVED: 30, CLOSED: 40 } as const;
const PRIORITIES = { LOW: 20, NORMAL: 55, HIGH: 20, URGENT: 5 } as const;
const INVOICE_STATUSES = { DRAFT: 15, SENT: 25, PARTIALLY_PAID: 10, PAID: 45, VOID: 5 } as const;
/** The organizations' default currency (GBP) first, then two others, as the deals. */
const CURRENCIES = { GBP: 70, EUR: 20, USD: 10 } as const;
const TAX_RATE = 20;
const PAYMENT_TERMS_DAYS = 30;
const TICKET_TITLES = [
  'Cannot log in',
  'Printer offline',
  'VPN drops every hour',
  'Invoice question',
  'Password reset',
  'New starter setup',
  'E-mail not syncing',
  'Laptop running slow',
  'Licence renewal',
  'Backup failed overnight',
];
const SERVICES = ['Managed support', 'Licence', 'Consulting day', 'Hardware', 'Onboarding', 'Backup service'];

const HISTORY_END = Date.parse('2026-11-01T00:00:00.000Z');
const DAY_MS = 24 * 3600 * 1000;

/**
 * The service-desk and billing rows of a plan: per live contact about 0.6 tickets (linked to
 * it, most to its customer, assigned to one of the organization's agents, spread over the
 * statuses and priorities) and, for contacts of a customer, about 0.5 invoices (one or two
 * lines at 20 % tax, totals computed in integer minor units as the app's rounding rule does;
 * numbered unless draft; paid ones with their payment). Drawn from a PRNG of its own, so the
 * contacts and the sales rows are the same as without it.
 */
export class ServiceRowGenerator {
  private readonly random: SeededRandom;
  private readonly invoiceNumbers = new Map<string, number>();
  readonly counts: ServiceCounts = { tickets: 0, ticketContacts: 0, invoices: 0, invoicePayments: 0, contracts: 0 };

  constructor(plan: DatasetPlan) {
    this.random = new SeededRandom(plan.seed + 3);
  }

  /** The tickets and invoices of one contact, just written. Deleted contacts get none. */
  async writeFor(contact: WrittenContact, sinks: ServiceSinks): Promise<void> {
    if (contact.deleted) return;
    const tickets = Number(this.random.weighted(TICKETS_PER_CONTACT));
    for (let n = 0; n < tickets; n++) await this.writeTicket(contact, sinks);
    if (contact.customerId === null) return;
    const invoices = Number(this.random.weighted(INVOICES_PER_CONTACT));
    for (let n = 0; n < invoices; n++) await this.writeInvoice(contact, contact.customerId, sinks);
  }

  private async writeTicket(contact: WrittenContact, sinks: ServiceSinks): Promise<void> {
    const id = this.random.uuid();
    const status = this.random.weighted(TICKET_STATUSES);
    const createdAt = this.after(contact.createdAt, 365);
    const resolvedAt = status === 'RESOLVED' || status === 'CLOSED' ? this.after(createdAt, 10) : null;
    const closedAt = status === 'CLOSED' && resolvedAt !== null ? this.after(resolvedAt, 7) : null;
    const row: Cell[] = [
      id,
      contact.tenantId,
      contact.organizationId,
      `${this.random.pick(TICKET_TITLES)} – ${contact.lastName}`,
      null,
      status,
      this.random.weighted(PRIORITIES),
      contact.customerId !== null && this.random.chance(0.8) ? contact.customerId : null,
      this.random.chance(0.9) ? this.random.pick(contact.ownerIds) : null,
      resolvedAt?.toISOString() ?? null,
      closedAt?.toISOString() ?? null,
      createdAt.toISOString(),
      (closedAt ?? resolvedAt ?? createdAt).toISOString(),
      this.random.chance(0.01) ? createdAt.toISOString() : null,
      contact.adminId,
      contact.adminId,
      '1',
    ];
    await sinks.tickets.write(row);
    await sinks.ticketContacts.write([contact.tenantId, contact.organizationId, id, contact.id]);
    this.counts.tickets++;
    this.counts.ticketContacts++;
  }

  private async writeInvoice(contact: WrittenContact, customerId: string, sinks: ServiceSinks): Promise<void> {
    const id = this.random.uuid();
    const status = this.random.weighted(INVOICE_STATUSES);
    const currency = this.random.weighted(CURRENCIES);
    const createdAt = this.after(contact.createdAt, 365);
    const issueDate = createdAt.toISOString().slice(0, 10);
    const dueDate = new Date(createdAt.getTime() + PAYMENT_TERMS_DAYS * DAY_MS).toISOString().slice(0, 10);
    const lines = Array.from({ length: 1 + this.random.int(2) }, () => {
      const quantity = 1 + this.random.int(10);
      const unitCents = 1_000 + this.random.int(99_000);
      const netCents = quantity * unitCents;
      // Each line's tax rounded half-up to the minor unit (integer arithmetic, no float).
      const taxCents = Math.floor((netCents * TAX_RATE + 50) / 100);
      return { quantity, unitCents, netCents, taxCents };
    });
    const net = lines.reduce((sum, line) => sum + line.netCents, 0);
    const tax = lines.reduce((sum, line) => sum + line.taxCents, 0);
    const total = net + tax;
    const paid = status === 'PAID' ? total : status === 'PARTIALLY_PAID' ? Math.floor(total / 2) : 0;
    const items = lines.map((line) => ({
      description: this.random.pick(SERVICES),
      productCode: null,
      quantity: String(line.quantity),
      unitPrice: cents(line.unitCents),
      taxRate: String(TAX_RATE),
      discount: null,
      amount: cents(line.netCents),
      lineDiscount: '0.00',
      documentDiscount: '0.00',
      net: cents(line.netCents),
      tax: cents(line.taxCents),
      gross: cents(line.netCents + line.taxCents),
    }));
    const sent = status !== 'DRAFT';
    const sentAt = sent ? this.after(createdAt, 2) : null;
    const year = createdAt.getUTCFullYear();
    await sinks.invoices.write([
      id,
      contact.tenantId,
      contact.organizationId,
      sent ? this.nextNumber(contact.organizationId, year) : null,
      status,
      currency,
      contact.id,
      customerId,
      contact.ownerId ?? contact.adminId,
      issueDate,
      dueDate,
      String(PAYMENT_TERMS_DAYS),
      JSON.stringify(items),
      JSON.stringify([{ rate: String(TAX_RATE), net: cents(net), tax: cents(tax) }]),
      cents(net),
      cents(net),
      cents(tax),
      cents(total),
      cents(paid),
      cents(total - paid),
      sentAt?.toISOString() ?? null,
      sent ? `{invoices-${contact.lastName.toLowerCase().replace(/[^a-z]/g, '')}@example.test}` : null,
      status === 'VOID' && sentAt !== null ? this.after(sentAt, 10).toISOString() : null,
      createdAt.toISOString(),
      (sentAt ?? createdAt).toISOString(),
      contact.adminId,
      contact.adminId,
      '1',
    ]);
    this.counts.invoices++;
    if (paid > 0 && sentAt !== null) {
      const paidOn = this.after(sentAt, PAYMENT_TERMS_DAYS);
      await sinks.invoicePayments.write([
        this.random.uuid(),
        contact.tenantId,
        contact.organizationId,
        id,
        cents(paid),
        currency,
        paidOn.toISOString().slice(0, 10),
        'BANK_TRANSFER',
        null,
        paidOn.toISOString(),
        paidOn.toISOString(),
        contact.adminId,
        contact.adminId,
        '1',
      ]);
      this.counts.invoicePayments++;
    }
  }

  /**
   * Support contracts for about 40% of the live customers, written in SQL once the customers are
   * in (each drawn from a hash of its customer's id, so the same data set gets the same
   * contracts): started 2025-11-01, ending between June 2026 and November 2027, so that on a
   * day around the end of 2026 some are expired, some expiring and most active.
   */
  async writeContracts(client: PoolClient): Promise<void> {
    const hash = (from: number, length: number): string =>
      `('x' || substr(md5(c.id::text), ${from}, ${length}))::bit(${length * 4})::int`;
    const result = await client.query(
      `INSERT INTO contract (id, tenant_id, organization_id, customer_id, name, start_date, end_date,
                             created_at, updated_at, created_by, updated_by)
       SELECT md5('contract:' || c.id::text)::uuid, c.tenant_id, c.organization_id, c.id, 'Support – ' || c.name,
              DATE '2025-11-01', DATE '2026-06-01' + ${hash(1, 4)} % 540,
              TIMESTAMPTZ '2025-11-01', TIMESTAMPTZ '2025-11-01', c.created_by, c.created_by
         FROM customer c
        WHERE c.deleted_at IS NULL AND ${hash(5, 2)} < 102`,
    );
    this.counts.contracts = result.rowCount ?? 0;
  }

  /** `INV-<year>-<5 digits>`, gap-free per organization and year, as the app numbers a sent invoice. */
  private nextNumber(organizationId: string, year: number): string {
    const key = `${organizationId}:${year}`;
    const next = (this.invoiceNumbers.get(key) ?? 0) + 1;
    this.invoiceNumbers.set(key, next);
    return `INV-${year}-${String(next).padStart(5, '0')}`;
  }

  /** An instant up to `days` after `from`, never past the end of the generated history. */
  private after(from: Date, days: number): Date {
    return new Date(Math.min(HISTORY_END, from.getTime() + this.random.int(days * DAY_MS)));
  }
}

/** Integer minor units as decimal text with two digits (the bench's currencies all have two). */
function cents(value: number): string {
  return `${Math.trunc(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}
