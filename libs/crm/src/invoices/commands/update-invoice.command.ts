import type { UpdateInvoiceDto } from '../dto/update-invoice.dto';

export class UpdateInvoiceCommand {
  constructor(
    readonly invoiceId: string,
    readonly input: UpdateInvoiceDto,
  ) {}
}
