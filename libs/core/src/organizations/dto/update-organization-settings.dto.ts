import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class UpdateOrganizationSettingsDto {
  @IsOptional()
  @IsBoolean()
  crmEnabled?: boolean;

  /** Replaces the list; contacts keep their status text. */
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique((status: string) => status.toLowerCase())
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  contactStatuses?: string[];

  @IsOptional()
  @IsISO4217CurrencyCode()
  defaultCurrency?: string;

  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,19}$/, { message: 'invoicePrefix must be 1–20 capital letters, digits or -' })
  invoicePrefix?: string;
}
