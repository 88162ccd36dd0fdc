import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsUUID } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';

/** Where the organization's CRM goes, and whether only to say what would happen. */
export class TransferCrmDto {
  /** Another organization of your tenant, where you hold ORG_CONTACT_EDIT and ORG_CUSTOMER_EDIT too. */
  @IsUUID()
  targetOrganizationId!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Answer the same report and write nothing: no record moves, no event is recorded.',
  })
  @OptionalNonNull()
  @IsBoolean()
  dryRun?: boolean;
}
