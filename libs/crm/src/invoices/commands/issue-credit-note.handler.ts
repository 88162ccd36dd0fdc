import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Decimal, Money, Permission, UnitOfWork, ValidationError } from '@clientele/core';
import { nextDocumentNumber } from '../document-numbering';
import { todayUtc } from '../dto/invoice.response';
import { InvoiceEntity, type InvoiceItemInput } from '../entities/invoice.entity';
import { CreditNoteIssued, InvoicePaid, invoiceSnapshot, recordInvoiceChange } from '../events/invoice.events';
import { CREDIT_NOTE_PREFIX } from '../invoice-number';
import { computeInvoiceTotals, type Discount } from '../invoice-totals';
import { IssueCreditNoteCommand } from './issue-credit-note.command';
import { loadInvoiceTagIds } from '../invoice-tags';

/**
 * A credit note for some or all lines of a sent invoice, numbered in its own sequence
 * (`CN-2026-00003`) and ISSUED at once. Its total reduces the invoice's balance as far as there is
 * one; what is left over (the invoice was paid) is recorded as refunded on the credit note.
 * Credit notes of one invoice never add up to more than its total (400 on `lines`).
 */
@CommandHandler(IssueCreditNoteCommand)
export class IssueCreditNoteHandler implements ICommandHandler<IssueCreditNoteCommand, InvoiceEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId, input }: IssueCreditNoteCommand): Promise<InvoiceEntity> {
    return this.uow.run(async (tx) => {
      const invoices = tx.repository(InvoiceEntity);
      const invoice = await invoices.findOneForUpdate(invoiceId);
      tx.scope.assertCanEdit(
        invoice.organizationId,
        invoice.ownerId,
        Permission.ORG_INVOICE_EDIT,
        Permission.ORG_INVOICE_EDIT_OWN,
      );
      const tagIds = await loadInvoiceTagIds(tx, invoice.id);
      const before = invoiceSnapshot(invoice, tagIds);
      const items = creditedItems(invoice, input.lines);
      const discount = creditedDiscount(invoice, items);
      const totals = computeInvoiceTotals({
        currency: invoice.currency,
        pricesIncludeTax: invoice.pricesIncludeTax,
        lines: items.map((item) => ({ ...item, taxRate: item.taxRate ?? '0' })),
        discount,
        field: 'lines',
      });
      const earlier = await invoices
        .query('note')
        .andWhere('note.creditedInvoiceId = :creditedId', { creditedId: invoice.id })
        .getMany();
      const credited = Money.sum(
        earlier.map((note) => note.money(note.total)),
        invoice.currency,
      ).add(totals.total);
      if (credited.greaterThan(invoice.money(invoice.total))) {
        throw ValidationError.field(
          'lines',
          `credit notes would total ${credited.toString()}, more than the invoice's ${invoice.money(invoice.total).toString()} ${invoice.currency}`,
          'CREDIT_EXCEEDS_INVOICE',
        );
      }
      const { applied, refunded } = invoice.applyCredit(totals.total);
      const issueDate = todayUtc();
      const number = await nextDocumentNumber(
        tx,
        invoice.organizationId,
        'CREDIT_NOTE',
        Number(issueDate.slice(0, 4)),
        CREDIT_NOTE_PREFIX,
      );
      const note = invoices.create({
        organizationId: invoice.organizationId,
        kind: 'CREDIT_NOTE',
        number,
        status: 'ISSUED',
        currency: invoice.currency,
        contactId: invoice.contactId,
        customerId: invoice.customerId,
        ownerId: invoice.ownerId,
        creditedInvoiceId: invoice.id,
        issueDate,
        dueDate: null,
        paymentTermsDays: null,
        notes: input.notes ?? null,
        terms: null,
        pricesIncludeTax: invoice.pricesIncludeTax,
        discountKind: discount?.kind ?? null,
        discountValue: discount?.value ?? null,
        amountPaid: '0',
        amountCredited: '0',
        amountRefunded: '0',
        sentAt: new Date(),
        sentTo: invoice.sentTo,
        voidedAt: null,
      });
      note.applyTotals(items, totals);
      // A credit note owes nothing: what it credits is applied to the invoice, the rest refunded.
      note.amountCredited = applied.toString();
      note.amountRefunded = refunded.toString();
      note.amountPaid = refunded.toString();
      note.balance = '0';
      const savedNote = await invoices.save(note);
      const savedInvoice = await invoices.save(invoice);
      await recordInvoiceChange(tx, CreditNoteIssued, savedNote, { after: invoiceSnapshot(savedNote, []) });
      if (before.status !== 'PAID' && savedInvoice.status === 'PAID') {
        await recordInvoiceChange(tx, InvoicePaid, savedInvoice, {
          before,
          after: invoiceSnapshot(savedInvoice, tagIds),
        });
      }
      return savedNote;
    });
  }
}

/** The invoice's lines credited: all of them, or those named with their quantities (at most the line's). */
function creditedItems(
  invoice: InvoiceEntity,
  lines: ReadonlyArray<{ line: number; quantity?: string }> | undefined,
): InvoiceItemInput[] {
  if (lines === undefined) return invoice.items.map((item) => ({ ...item }));
  const seen = new Set<number>();
  return lines.map(({ line, quantity }, index) => {
    const item = invoice.items[line];
    if (item === undefined) throw ValidationError.field(`lines.${index}.line`, `the invoice has no line ${line}`);
    if (seen.has(line)) throw ValidationError.field(`lines.${index}.line`, `line ${line} is named twice`);
    seen.add(line);
    const credited = new Decimal(quantity ?? item.quantity);
    if (credited.isZero() || credited.greaterThan(item.quantity)) {
      throw ValidationError.field(
        `lines.${index}.quantity`,
        `quantity must be more than 0 and at most the line's ${item.quantity}`,
      );
    }
    const whole = credited.equals(item.quantity);
    const discount: Discount | null =
      item.discount === null || item.discount.kind === 'PERCENT' || whole
        ? item.discount
        : {
            kind: 'AMOUNT',
            value: invoice
              .money(new Decimal(item.discount.value).times(credited).dividedBy(item.quantity).toFixed())
              .round()
              .toString(),
          };
    return { ...item, quantity: credited.toFixed(), discount };
  });
}

/** The document discount of the credited part: the same percentage, or the amount in proportion to the lines credited. */
function creditedDiscount(invoice: InvoiceEntity, items: readonly InvoiceItemInput[]): Discount | null {
  const discount = invoice.documentDiscount;
  if (discount === null || discount.kind === 'PERCENT') return discount;
  const undiscounted = computeInvoiceTotals({
    currency: invoice.currency,
    pricesIncludeTax: invoice.pricesIncludeTax,
    lines: items.map((item) => ({ ...item, taxRate: item.taxRate ?? '0' })),
    field: 'lines',
  });
  const subtotal = invoice.money(invoice.subtotal);
  if (subtotal.isZero()) return null;
  const share = Money.of(
    new Decimal(discount.value).times(undiscounted.subtotal.amount).dividedBy(subtotal.amount),
    invoice.currency,
  ).round();
  return { kind: 'AMOUNT', value: share.toString() };
}
