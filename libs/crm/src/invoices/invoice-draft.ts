import { Decimal, ValidationError } from '@clientele/core';
import type { UpdateInvoiceDto } from './dto/update-invoice.dto';
import type { InvoiceEntity, InvoiceItemInput } from './entities/invoice.entity';
import { computeInvoiceTotals } from './invoice-totals';

/**
 * Applies a body's fields to a draft and recomputes its figures on the server: quantities above
 * zero, tax rates and percentages at most 100, amounts no finer than the currency.
 */
export function composeDraft(invoice: InvoiceEntity, input: UpdateInvoiceDto): void {
  if (input.currency !== undefined) invoice.currency = input.currency;
  if (input.issueDate !== undefined) invoice.issueDate = input.issueDate;
  if (input.notes !== undefined) invoice.notes = input.notes;
  if (input.terms !== undefined) invoice.terms = input.terms;
  if (input.pricesIncludeTax !== undefined) invoice.pricesIncludeTax = input.pricesIncludeTax;
  if (input.discount !== undefined) {
    invoice.discountKind = input.discount?.kind ?? null;
    invoice.discountValue = input.discount?.value ?? null;
  }
  invoice.scheduleDue(input.dueDate, input.paymentTermsDays);
  const items: InvoiceItemInput[] = input.items ?? invoice.items;
  items.forEach((item, index) => {
    if (new Decimal(item.quantity).isZero()) {
      throw ValidationError.field(`items.${index}.quantity`, 'quantity must be more than 0');
    }
    if (new Decimal(item.taxRate ?? '0').greaterThan(100)) {
      throw ValidationError.field(`items.${index}.taxRate`, 'taxRate is a percentage from 0 to 100');
    }
  });
  const totals = computeInvoiceTotals({
    currency: invoice.currency,
    pricesIncludeTax: invoice.pricesIncludeTax,
    lines: items.map((item) => ({
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      taxRate: item.taxRate ?? '0',
      discount: item.discount ?? null,
    })),
    discount: invoice.documentDiscount,
  });
  invoice.applyTotals(items, totals);
}
