import type { SendInvoiceDto } from '../dto/send-invoice.dto';

export class SendInvoiceCommand {
  constructor(
    readonly invoiceId: string,
    readonly input: SendInvoiceDto,
  ) {}
}
