import { todayUtc } from './dto/invoice.response';
import type { InvoiceEntity } from './entities/invoice.entity';
import { ROUNDING_RULE } from './invoice-amount';

/** An invoice with the names its printed forms show. */
export interface InvoiceDocument {
  readonly invoice: InvoiceEntity;
  readonly organizationName: string;
  readonly contactName: string | null;
  readonly contactEmail: string | null;
  readonly customerName: string | null;
}

/** A line of the sheet: its description (and product code), then the figures in `SHEET_COLUMNS` order. */
export interface SheetLine {
  readonly description: string;
  readonly productCode: string | null;
  readonly figures: readonly string[];
}

/**
 * What an invoice's printed forms (the HTML page, the PDF) show, as text, built once from the
 * stored figures — the same as its JSON, list row and CSV row — so the two forms cannot differ.
 */
export interface InvoiceSheet {
  readonly title: string;
  readonly heading: string;
  readonly organizationName: string;
  readonly status: string;
  readonly dates: string;
  readonly billTo: readonly string[];
  readonly lines: readonly SheetLine[];
  /** Label and amount, top to bottom: subtotal, discounts, net, each tax rate, total, paid, credited, balance. */
  readonly totals: ReadonlyArray<readonly [label: string, amount: string]>;
  readonly notes: string | null;
  readonly terms: string | null;
  readonly footer: string;
}

/** The figure columns of a sheet line, after its description. */
export const SHEET_COLUMNS = ['Qty', 'Unit price', 'Tax', 'Net', 'Tax amount', 'Gross'] as const;

export function invoiceSheet({
  invoice,
  organizationName,
  contactName,
  contactEmail,
  customerName,
}: InvoiceDocument): InvoiceSheet {
  const money = (amount: string): string => `${invoice.money(amount).toString()} ${invoice.currency}`;
  const title = invoice.kind === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice';
  return {
    title: `${title} ${invoice.number ?? 'draft'}`,
    heading: `${title} ${invoice.number ?? '(draft)'}`,
    organizationName,
    status: invoice.effectiveStatus(todayUtc()),
    dates: `Issued ${invoice.issueDate}${invoice.dueDate ? ` · due ${invoice.dueDate}` : ''}`,
    billTo: [customerName, contactName, contactEmail].filter((part): part is string => part !== null && part !== ''),
    lines: invoice.items.map((item) => ({
      description: item.description,
      productCode: item.productCode,
      figures: [
        item.quantity,
        money(item.unitPrice),
        `${item.taxRate}%`,
        money(item.net),
        money(item.tax),
        money(item.gross),
      ],
    })),
    totals: [
      [`Subtotal${invoice.pricesIncludeTax ? ' (tax included)' : ''}`, money(invoice.subtotal)],
      ['Discounts', money(invoice.discountTotal)],
      ['Net', money(invoice.netTotal)],
      ...invoice.taxes.map((tax) => [`Tax ${tax.rate}% on ${money(tax.net)}`, money(tax.tax)] as const),
      ['Total', money(invoice.total)],
      ['Paid', money(invoice.amountPaid)],
      ['Credited', money(invoice.amountCredited)],
      ['Balance due', money(invoice.balance)],
    ],
    notes: invoice.notes ?? null,
    terms: invoice.terms ?? null,
    footer: ROUNDING_RULE,
  };
}
