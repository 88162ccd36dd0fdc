import { PartialType } from '@nestjs/swagger';
import { InvoiceItemDto } from './invoice-item.dto';

/** A draft line's fields; those left out keep their value. The invoice's totals are recomputed. */
export class UpdateInvoiceItemDto extends PartialType(InvoiceItemDto, { skipNullProperties: false }) {}
