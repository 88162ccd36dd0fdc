import { escapeHtml as e } from '@clientele/core';
import { type InvoiceDocument, invoiceSheet, SHEET_COLUMNS } from './invoice-sheet';

/**
 * A printable page of the invoice (its `invoiceSheet`), every text escaped. Self-contained:
 * inline CSS, no scripts, no external resources.
 */
export function renderInvoiceHtml(document: InvoiceDocument): string {
  const sheet = invoiceSheet(document);
  const lines = sheet.lines
    .map(
      (line) =>
        `<tr><td>${e(line.description)}${line.productCode ? ` <small>(${e(line.productCode)})</small>` : ''}</td>${line.figures
          .map((figure) => `<td class="n">${e(figure)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const totals = sheet.totals
    .map(([label, amount]) => `<tr><th>${e(label)}</th><td class="n">${e(amount)}</td></tr>`)
    .join('\n');
  const section = (heading: string, text: string | null): string =>
    text ? `<section><h2>${heading}</h2><p>${e(text)}</p></section>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${e(sheet.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}
th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left}.n{text-align:right}
.totals{width:auto;margin-left:auto}.status{font-weight:bold}@media print{body{margin:0}}
</style></head>
<body>
<header><h1>${e(sheet.heading)}</h1>
<p>${e(sheet.organizationName)}</p>
<p class="status">Status: ${e(sheet.status)}</p>
<p>${e(sheet.dates)}</p>
<p>Bill to: ${sheet.billTo.map(e).join('<br>')}</p></header>
<table><thead><tr><th>Description</th>${SHEET_COLUMNS.map((column) => `<th class="n">${column}</th>`).join('')}</tr></thead>
<tbody>
${lines}
</tbody></table>
<table class="totals">
${totals}
</table>
${section('Notes', sheet.notes)}
${section('Terms', sheet.terms)}
<footer><small>${e(sheet.footer)}</small></footer>
</body></html>
`;
}
