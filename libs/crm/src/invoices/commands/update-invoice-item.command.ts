import type { UpdateInvoiceItemDto } from '../dto/update-invoice-item.dto';

export class UpdateInvoiceItemCommand {
  constructor(
    readonly invoiceId: string,
    readonly itemId: string,
    readonly changes: UpdateInvoiceItemDto,
  ) {}
}
