import type { InvoiceItemDto } from '../dto/invoice-item.dto';

export class AddInvoiceItemCommand {
  constructor(
    readonly invoiceId: string,
    readonly item: InvoiceItemDto,
  ) {}
}
