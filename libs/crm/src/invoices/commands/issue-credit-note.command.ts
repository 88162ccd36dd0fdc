import type { CreditNoteDto } from '../dto/credit-note.dto';

export class IssueCreditNoteCommand {
  constructor(
    readonly invoiceId: string,
    readonly input: CreditNoteDto,
  ) {}
}
