import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateInvoiceDto } from './create-invoice.dto';

/**
 * A draft's fields; those left out keep their value, `items` replaces the lines. Totals are recomputed.
 * Once sent, only `tags`/`tagIds` may be sent (any other field is a 409 `INVOICE_NOT_DRAFT`).
 */
export class UpdateInvoiceDto extends PartialType(OmitType(CreateInvoiceDto, ['organizationId']), {
  skipNullProperties: false,
}) {}
