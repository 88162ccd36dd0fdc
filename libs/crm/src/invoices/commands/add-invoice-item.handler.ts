import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import type { InvoiceEntity } from '../entities/invoice.entity';
import { changeDraftItems } from '../invoice-item-edit';
import { AddInvoiceItemCommand } from './add-invoice-item.command';

/** Appends a line to a draft (409 once sent) and recomputes its figures. */
@CommandHandler(AddInvoiceItemCommand)
export class AddInvoiceItemHandler implements ICommandHandler<AddInvoiceItemCommand, InvoiceEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId, item }: AddInvoiceItemCommand): Promise<InvoiceEntity> {
    return this.uow.run((tx) =>
      changeDraftItems(tx, invoiceId, (items) => ({ items: [...items, item], sentIndex: items.length })),
    );
  }
}
