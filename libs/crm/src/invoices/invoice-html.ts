import { escapeHtml } from '@clientele/core';
import { todayUtc } from './dto/invoice.response';
import type { InvoiceEntity } from './entities/invoice.entity';
import { ROUNDING_RULE } from './invoice-amount';

/** An invoice with the names its page prints. */
export interface InvoiceDocument {
  readonly invoice: InvoiceEntity;
  readonly organizationName: string;
  readonly contactName: string | null;
  readonly contactEmail: string | null;
  readonly customerName: string | null;
}

/**
 * A printable page of the invoice: the stored figures (the same as its JSON, list row and CSV row),
 * every text escaped. Self-contained: inline CSS, no scripts, no external resources.
 */
export function renderInvoiceHtml({
  invoice,
  organizationName,
  contactName,
  contactEmail,
  customerName,
}: InvoiceDocument): string {
  const e = escapeHtml;
  const money = (amount: string): string => `${e(invoice.money(amount).toString())} ${e(invoice.currency)}`;
  const title = invoice.kind === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice';
  const status = invoice.effectiveStatus(todayUtc());
  const lines = invoice.items
    .map(
      (
        item,
      ) => `<tr><td>${e(item.description)}${item.productCode ? ` <small>(${e(item.productCode)})</small>` : ''}</td>
        <td class="n">${e(item.quantity)}</td><td class="n">${money(item.unitPrice)}</td>
        <td class="n">${e(item.taxRate)}%</td><td class="n">${money(item.net)}</td><td class="n">${money(item.tax)}</td>
        <td class="n">${money(item.gross)}</td></tr>`,
    )
    .join('\n');
  const taxes = invoice.taxes
    .map((tax) => `<tr><th>Tax ${e(tax.rate)}% on ${money(tax.net)}</th><td class="n">${money(tax.tax)}</td></tr>`)
    .join('\n');
  const billTo = [customerName, contactName, contactEmail].filter(
    (part): part is string => part !== null && part !== '',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${e(title)} ${e(invoice.number ?? 'draft')}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}
th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left}.n{text-align:right}
.totals{width:auto;margin-left:auto}.status{font-weight:bold}@media print{body{margin:0}}
</style></head>
<body>
<header><h1>${e(title)} ${e(invoice.number ?? '(draft)')}</h1>
<p>${e(organizationName)}</p>
<p class="status">Status: ${e(status)}</p>
<p>Issued ${e(invoice.issueDate)}${invoice.dueDate ? ` · due ${e(invoice.dueDate)}` : ''}</p>
<p>Bill to: ${billTo.map(e).join('<br>')}</p></header>
<table><thead><tr><th>Description</th><th class="n">Qty</th><th class="n">Unit price</th><th class="n">Tax</th>
<th class="n">Net</th><th class="n">Tax amount</th><th class="n">Gross</th></tr></thead>
<tbody>
${lines}
</tbody></table>
<table class="totals">
<tr><th>Subtotal${invoice.pricesIncludeTax ? ' (tax included)' : ''}</th><td class="n">${money(invoice.subtotal)}</td></tr>
<tr><th>Discounts</th><td class="n">${money(invoice.discountTotal)}</td></tr>
<tr><th>Net</th><td class="n">${money(invoice.netTotal)}</td></tr>
${taxes}
<tr><th>Total</th><td class="n">${money(invoice.total)}</td></tr>
<tr><th>Paid</th><td class="n">${money(invoice.amountPaid)}</td></tr>
<tr><th>Credited</th><td class="n">${money(invoice.amountCredited)}</td></tr>
<tr><th>Balance due</th><td class="n">${money(invoice.balance)}</td></tr>
</table>
${invoice.notes ? `<section><h2>Notes</h2><p>${e(invoice.notes)}</p></section>` : ''}
${invoice.terms ? `<section><h2>Terms</h2><p>${e(invoice.terms)}</p></section>` : ''}
<footer><small>${e(ROUNDING_RULE)}</small></footer>
</body></html>
`;
}
