import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsISO4217CurrencyCode,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OptionalNonNull } from '../../validation/optional-non-null.decorator';

/** Fields left out keep their value; none can be cleared with `null`. */
export class UpdateOrganizationSettingsDto {
  @OptionalNonNull()
  @IsBoolean()
  crmEnabled?: boolean;

  /** Replaces the list; contacts keep their status text. */
  @OptionalNonNull()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique((status: unknown) => (typeof status === 'string' ? status.toLowerCase() : status))
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  contactStatuses?: string[];

  @OptionalNonNull()
  @IsISO4217CurrencyCode()
  defaultCurrency?: string;

  @OptionalNonNull()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,19}$/, { message: 'invoicePrefix must be 1–20 capital letters, digits or -' })
  invoicePrefix?: string;

  /** Deals moved to a LOST stage must give a `lostReason`. */
  @OptionalNonNull()
  @IsBoolean()
  requireLostReason?: boolean;
}
