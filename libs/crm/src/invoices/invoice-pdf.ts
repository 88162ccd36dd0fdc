import PDFDocument from 'pdfkit';
import { type InvoiceDocument, invoiceSheet, SHEET_COLUMNS } from './invoice-sheet';

const MARGIN = 50;
/** Widths of the description column and of each figure column (`SHEET_COLUMNS`), on A4 (495 pt of text). */
const DESCRIPTION_WIDTH = 135;
const FIGURE_WIDTH = 60;

/**
 * The invoice as an A4 PDF (pdfkit, its built-in Helvetica: no font files, nothing fetched),
 * from the same `invoiceSheet` as the HTML page, so both show the same figures.
 */
export function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const sheet = invoiceSheet(document);
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: sheet.title } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(18).text(sheet.heading);
  pdf.font('Helvetica').fontSize(10).moveDown(0.5).text(sheet.organizationName);
  pdf.font('Helvetica-Bold').text(`Status: ${sheet.status}`);
  pdf.font('Helvetica').text(sheet.dates);
  pdf.moveDown(0.5).text(`Bill to: ${sheet.billTo.join(', ')}`);
  pdf.moveDown();
  row(pdf, 'Description', SHEET_COLUMNS, 'Helvetica-Bold');
  for (const line of sheet.lines) {
    row(pdf, line.productCode ? `${line.description} (${line.productCode})` : line.description, line.figures);
  }
  pdf.moveDown();
  for (const [label, amount] of sheet.totals) {
    const y = pdf.y;
    pdf.text(label, MARGIN + 255, y, { width: 150 });
    pdf.text(amount, MARGIN + 405, y, { width: 90, align: 'right' });
  }
  for (const [heading, text] of [
    ['Notes', sheet.notes],
    ['Terms', sheet.terms],
  ] as const) {
    if (text) pdf.moveDown().font('Helvetica-Bold').text(heading, MARGIN).font('Helvetica').text(text);
  }
  pdf.moveDown().fontSize(8).text(sheet.footer, MARGIN);
  pdf.end();
  return done;
}

/** One table row: the description, then the figures right-aligned, all on the row's top line. */
function row(pdf: PDFKit.PDFDocument, description: string, figures: readonly string[], font = 'Helvetica'): void {
  const y = pdf.y;
  pdf.font(font).text(description, MARGIN, y, { width: DESCRIPTION_WIDTH });
  const bottom = pdf.y;
  figures.forEach((figure, index) => {
    pdf.text(figure, MARGIN + DESCRIPTION_WIDTH + index * FIGURE_WIDTH, y, { width: FIGURE_WIDTH, align: 'right' });
  });
  pdf.y = Math.max(bottom, pdf.y) + 4;
  pdf.x = MARGIN;
}
