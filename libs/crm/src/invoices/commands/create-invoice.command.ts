import type { CreateInvoiceDto } from '../dto/create-invoice.dto';

export class CreateInvoiceCommand {
  constructor(readonly input: CreateInvoiceDto) {}
}
