import { unscopedRepository } from '@clientele/core';
import {
  BillingSettingsEntity,
  computeInvoiceTotals,
  type CustomerEntity,
  DocumentSequenceEntity,
  formatDocumentNumber,
  InvoiceEntity,
  InvoicePaymentEntity,
} from '@clientele/crm';
import type { EntityManager } from 'typeorm';
import type { DemoOrganization } from './demo-crm-seeder';

type DemoStatus = 'DRAFT' | 'SENT' | 'OVERDUE' | 'PARTIALLY_PAID' | 'PAID' | 'VOID';

interface DemoInvoice {
  readonly status: DemoStatus;
  readonly currency: 'GBP' | 'EUR';
  readonly lines: ReadonlyArray<readonly [description: string, quantity: string, unitPrice: string, taxRate: string]>;
  /** Paid so far, for PARTIALLY_PAID and PAID. */
  readonly paid?: string;
}

/** One invoice in every status, in two currencies, each for one of the first demo customers. */
const DEMO_INVOICES: readonly DemoInvoice[] = [
  { status: 'DRAFT', currency: 'GBP', lines: [['Onboarding workshop', '1', '1200.00', '20']] },
  { status: 'SENT', currency: 'GBP', lines: [['Support retainer, December', '1', '950.00', '20']] },
  {
    status: 'OVERDUE',
    currency: 'EUR',
    lines: [
      ['Consulting days', '3', '800.00', '19'],
      ['Travel', '1', '240.00', '0'],
    ],
  },
  { status: 'PARTIALLY_PAID', currency: 'GBP', lines: [['Licence seats', '25', '14.99', '20']], paid: '200.00' },
  { status: 'PAID', currency: 'EUR', lines: [['Migration project', '1', '4500.00', '19']], paid: '5355.00' },
  { status: 'VOID', currency: 'GBP', lines: [['Duplicate order', '2', '75.00', '20']] },
];

const DAY_MS = 86_400_000;

/**
 * The demo's invoices, written as the invoices module would leave them: totals from
 * `computeInvoiceTotals`, numbers from the organization's sequence, payments as rows.
 */
export async function seedDemoInvoices(
  manager: EntityManager,
  demo: DemoOrganization,
  customers: readonly CustomerEntity[],
  invoicePrefix: string,
): Promise<void> {
  const stamp = {
    tenantId: demo.tenantId,
    organizationId: demo.organizationId,
    createdBy: demo.users.MANAGER,
    updatedBy: demo.users.MANAGER,
  };
  const now = Date.now();
  const lastNumbers = new Map<number, number>();
  for (const [index, spec] of DEMO_INVOICES.entries()) {
    const customer = customers[index % customers.length];
    if (customer === undefined) return;
    const issued = new Date(now - (60 - index * 8) * DAY_MS);
    const issueDate = issued.toISOString().slice(0, 10);
    const year = issued.getUTCFullYear();
    const due = spec.status === 'OVERDUE' ? new Date(now - 5 * DAY_MS) : new Date(now + 30 * DAY_MS);
    const items = spec.lines.map(([description, quantity, unitPrice, taxRate]) => ({
      description,
      quantity,
      unitPrice,
      taxRate,
    }));
    const invoice = Object.assign(new InvoiceEntity(), {
      ...stamp,
      kind: 'INVOICE' as const,
      status: 'DRAFT' as const,
      number: null,
      currency: spec.currency,
      contactId: null,
      customerId: customer.id,
      ownerId: demo.users.MANAGER,
      creditedInvoiceId: null,
      issueDate,
      dueDate: due.toISOString().slice(0, 10),
      paymentTermsDays: null,
      notes: null,
      terms: 'Payable within 30 days by bank transfer.',
      pricesIncludeTax: false,
      discountKind: null,
      discountValue: null,
      amountPaid: '0',
      amountCredited: '0',
      amountRefunded: '0',
      sentAt: null,
      sentTo: null,
      voidedAt: null,
    });
    invoice.applyTotals(
      items,
      computeInvoiceTotals({ currency: spec.currency, pricesIncludeTax: false, lines: items }),
    );
    if (spec.status !== 'DRAFT') {
      const number = (lastNumbers.get(year) ?? 0) + 1;
      lastNumbers.set(year, number);
      invoice.send(formatDocumentNumber(invoicePrefix, year, number), [], issued);
      if (spec.paid !== undefined) invoice.recordPayment(invoice.money(spec.paid));
      if (spec.status === 'VOID') invoice.void(new Date(now - DAY_MS));
    }
    const saved = await unscopedRepository(manager, InvoiceEntity).save(invoice);
    if (spec.paid !== undefined) {
      await unscopedRepository(manager, InvoicePaymentEntity).save({
        ...stamp,
        invoiceId: saved.id,
        amount: spec.paid,
        currency: spec.currency,
        paidOn: new Date(now - 2 * DAY_MS).toISOString().slice(0, 10),
        method: 'BANK_TRANSFER',
        reference: `DEMO-${index + 1}`,
      });
    }
  }
  const billed = customers[0];
  if (billed !== undefined) {
    // One customer billed monthly: GBP 1,000.00 + 20% = 1,200.00 on the 1st, in London time.
    await unscopedRepository(manager, BillingSettingsEntity).save({
      ...stamp,
      customerId: billed.id,
      contactId: null,
      currency: 'GBP',
      dayOfMonth: 1,
      timeZone: 'Europe/London',
      paymentTermsDays: 14,
      lines: [
        { description: 'Managed support', productCode: 'SUP-M', quantity: '1', unitPrice: '1000.00', taxRate: '20' },
      ],
      monthlyTotal: '1200.0000',
      active: true,
    });
  }
  for (const [year, lastNumber] of lastNumbers) {
    await unscopedRepository(manager, DocumentSequenceEntity).save({ ...stamp, kind: 'INVOICE', year, lastNumber });
  }
}
