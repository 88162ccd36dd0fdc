import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import type { InvoiceEntity } from '../entities/invoice.entity';
import { changeDraftItems, findItem } from '../invoice-item-edit';
import { RemoveInvoiceItemCommand } from './remove-invoice-item.command';

/** Removes one line of a draft (409 once sent; 404 for a line it has not) and recomputes its figures. */
@CommandHandler(RemoveInvoiceItemCommand)
export class RemoveInvoiceItemHandler implements ICommandHandler<RemoveInvoiceItemCommand, InvoiceEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId, itemId }: RemoveInvoiceItemCommand): Promise<InvoiceEntity> {
    return this.uow.run((tx) =>
      changeDraftItems(tx, invoiceId, (items) => {
        const { index } = findItem(items, itemId);
        return { items: items.filter((_, at) => at !== index) };
      }),
    );
  }
}
