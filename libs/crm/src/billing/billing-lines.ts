import { computeInvoiceTotals, type InvoiceTotals } from '../invoices';
import type { RecurringLine } from './entities/billing-settings.entity';

/** The monthly bill's figures, by the invoices' one rounding rule. */
export function recurringTotals(currency: string, lines: readonly RecurringLine[]): InvoiceTotals {
  return computeInvoiceTotals({
    currency,
    pricesIncludeTax: false,
    lines: lines.map((line) => ({ quantity: line.quantity, unitPrice: line.unitPrice, taxRate: line.taxRate })),
    field: 'lines',
  });
}
