import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import type { InvoiceEntity, InvoiceItemInput } from '../entities/invoice.entity';
import { changeDraftItems, findItem } from '../invoice-item-edit';
import { UpdateInvoiceItemCommand } from './update-invoice-item.command';

/** Changes one line of a draft (409 once sent; 404 for a line it has not) and recomputes its figures. */
@CommandHandler(UpdateInvoiceItemCommand)
export class UpdateInvoiceItemHandler implements ICommandHandler<UpdateInvoiceItemCommand, InvoiceEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId, itemId, changes }: UpdateInvoiceItemCommand): Promise<InvoiceEntity> {
    return this.uow.run((tx) =>
      changeDraftItems(tx, invoiceId, (items) => {
        const { index, item: current } = findItem(items, itemId);
        const changed: InvoiceItemInput = {
          id: current.id,
          description: changes.description ?? current.description,
          productCode: changes.productCode === undefined ? current.productCode : changes.productCode,
          quantity: changes.quantity ?? current.quantity,
          unitPrice: changes.unitPrice ?? current.unitPrice,
          taxRate: changes.taxRate ?? current.taxRate,
          discount: changes.discount === undefined ? current.discount : changes.discount,
        };
        return { items: items.map((item, at) => (at === index ? changed : item)), sentIndex: index };
      }),
    );
  }
}
