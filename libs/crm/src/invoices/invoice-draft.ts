import { Decimal, ValidationError } from '@clientele/core';
import type { UpdateInvoiceDto } from './dto/update-invoice.dto';
import type { InvoiceEntity, InvoiceItemInput } from './entities/invoice.entity';
import { computeInvoiceTotals, type LineField, lineFieldName } from './invoice-totals';

/** A draft's changes: a body's fields, with lines as sent inline or as the item routes build them. */
export type DraftInput = Omit<UpdateInvoiceDto, 'items'> & { readonly items?: readonly InvoiceItemInput[] };

/**
 * Applies a body's fields to a draft and recomputes its figures on the server: quantities above
 * zero, tax rates and percentages at most 100, amounts no finer than the currency. `field` names a
 * line's fields in a 400 (`items.2.quantity` unless told). Every change of a draft's lines, inline
 * or through `…/items`, goes through here.
 */
export function composeDraft(invoice: InvoiceEntity, input: DraftInput, field: string | LineField = 'items'): void {
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
  const items: readonly InvoiceItemInput[] = input.items ?? invoice.items;
  items.forEach((item, index) => {
    if (new Decimal(item.quantity).isZero()) {
      throw ValidationError.field(lineFieldName(field, index, 'quantity'), 'quantity must be more than 0');
    }
    if (new Decimal(item.taxRate ?? '0').greaterThan(100)) {
      throw ValidationError.field(lineFieldName(field, index, 'taxRate'), 'taxRate is a percentage from 0 to 100');
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
    field,
  });
  invoice.applyTotals(items, totals);
}
