import type { RecordPaymentDto } from '../dto/record-payment.dto';

export class RecordPaymentCommand {
  constructor(
    readonly invoiceId: string,
    readonly input: RecordPaymentDto,
  ) {}
}
