import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidTransitionError, Money, ValidationError } from '@clientele/core';
import { computeInvoiceTotals } from '../invoice-totals';
import { formatDocumentNumber } from '../invoice-number';
import { INVOICE_STATUS } from '../invoice-status';
import { addDays, InvoiceEntity } from './invoice.entity';

function invoice(overrides: Partial<InvoiceEntity> = {}): InvoiceEntity {
  const entity = Object.assign(new InvoiceEntity(), {
    kind: 'INVOICE',
    status: 'DRAFT',
    number: null,
    currency: 'GBP',
    contactId: null,
    customerId: '00000000-0000-4000-8000-0000000000aa',
    issueDate: '2026-12-01',
    dueDate: null,
    paymentTermsDays: null,
    pricesIncludeTax: false,
    discountKind: null,
    discountValue: null,
    amountPaid: '0',
    amountCredited: '0',
    amountRefunded: '0',
    ...overrides,
  });
  const items = [{ description: 'Work', quantity: '1', unitPrice: '100.00', taxRate: '20' }];
  entity.applyTotals(
    items,
    computeInvoiceTotals({
      currency: entity.currency,
      pricesIncludeTax: false,
      lines: items.map((item) => ({ ...item, discount: null })),
    }),
  );
  return entity;
}

const gbp = (amount: string): Money => Money.of(amount, 'GBP');

describe('InvoiceEntity lifecycle', () => {
  it('declares DRAFT → SENT → PARTIALLY_PAID → PAID, VOID only from SENT, credit notes final', () => {
    expect(INVOICE_STATUS.allowedFrom('DRAFT')).toEqual(['SENT']);
    expect(INVOICE_STATUS.canTransition('SENT', 'VOID')).toBe(true);
    expect(INVOICE_STATUS.canTransition('PARTIALLY_PAID', 'VOID')).toBe(false);
    expect(INVOICE_STATUS.canTransition('DRAFT', 'VOID')).toBe(false);
    expect(INVOICE_STATUS.isFinal('VOID')).toBe(true);
    expect(INVOICE_STATUS.isFinal('ISSUED')).toBe(true);
  });

  it('sends a draft with its number; a sent invoice is no longer a draft', () => {
    const entity = invoice();
    entity.send('INV-2026-00001', ['a@example.test'], new Date('2026-12-01T10:00:00Z'));
    expect(entity).toMatchObject({ status: 'SENT', number: 'INV-2026-00001', sentTo: ['a@example.test'] });
    expect(() => entity.assertDraft()).toThrow(ConflictError);
    expect(() => entity.send('INV-2026-00002', [], new Date())).toThrow(InvalidTransitionError);
  });

  it('refuses to send without lines or anyone to bill', () => {
    const nobody = invoice({ customerId: null });
    expect(() => nobody.assertSendable()).toThrow(ValidationError);
    const empty = invoice();
    empty.items = [];
    expect(() => empty.assertSendable()).toThrow(/at least one line/);
  });

  it('follows the balance through payments, and back when one is removed', () => {
    const entity = invoice();
    entity.send('INV-2026-00001', [], new Date());
    expect(() => entity.recordPayment(gbp('120.01'))).toThrow(/exceeds the balance of 120.00 GBP/);
    expect(entity.recordPayment(gbp('20.00'))).toBe(false);
    expect(entity).toMatchObject({ status: 'PARTIALLY_PAID', balance: '100.00' });
    expect(entity.recordPayment(gbp('100.00'))).toBe(true);
    expect(entity).toMatchObject({ status: 'PAID', balance: '0.00' });
    expect(() => entity.recordPayment(gbp('0.01'))).toThrow(ConflictError);
    entity.removePayment(gbp('100.00'));
    expect(entity.status).toBe('PARTIALLY_PAID');
    entity.removePayment(gbp('20.00'));
    expect(entity).toMatchObject({ status: 'SENT', balance: '120.00' });
  });

  it('voids only an unpaid sent invoice', () => {
    const entity = invoice();
    expect(() => entity.void(new Date())).toThrow(InvalidTransitionError);
    entity.send('INV-2026-00001', [], new Date());
    entity.recordPayment(gbp('1.00'));
    expect(() => entity.void(new Date())).toThrow(InvalidTransitionError);
    entity.removePayment(gbp('1.00'));
    entity.void(new Date('2026-12-02T00:00:00Z'));
    expect(entity.status).toBe('VOID');
  });

  it('applies a credit up to the balance and refunds the rest', () => {
    const entity = invoice();
    entity.send('INV-2026-00001', [], new Date());
    entity.recordPayment(gbp('100.00'));
    const { applied, refunded } = entity.applyCredit(gbp('50.00'));
    expect([applied.toString(), refunded.toString()]).toEqual(['20.00', '30.00']);
    expect(entity).toMatchObject({ status: 'PAID', balance: '0.00' });
  });

  it('derives OVERDUE when sent, unpaid and past due; never for drafts or paid ones', () => {
    const entity = invoice({ dueDate: '2026-12-10' });
    expect(entity.effectiveStatus('2026-12-11')).toBe('DRAFT');
    entity.send('INV-2026-00001', [], new Date());
    expect(entity.effectiveStatus('2026-12-10')).toBe('SENT');
    expect(entity.effectiveStatus('2026-12-11')).toBe('OVERDUE');
    entity.recordPayment(gbp('120.00'));
    expect(entity.effectiveStatus('2026-12-11')).toBe('PAID');
  });

  it('computes the due date from payment terms, and refuses one before the issue date', () => {
    const entity = invoice();
    entity.scheduleDue(undefined, 30);
    expect(entity.dueDate).toBe('2026-12-31');
    expect(() => entity.scheduleDue('2026-11-30', null)).toThrow(ValidationError);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('formatDocumentNumber', () => {
  it('writes prefix, year and a five-digit sequence (longer when it grows)', () => {
    expect(formatDocumentNumber('INV', 2026, 42)).toBe('INV-2026-00042');
    expect(formatDocumentNumber('CN', 2026, 3)).toBe('CN-2026-00003');
    expect(formatDocumentNumber('ACME-INV', 2027, 123456)).toBe('ACME-INV-2027-123456');
    expect(() => formatDocumentNumber('INV', 2026, 0)).toThrow();
  });
});
