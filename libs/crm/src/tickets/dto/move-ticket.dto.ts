import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** Where a ticket moves: another organization of the tenant where you hold `ORG_TICKET_EDIT`. */
export class MoveTicketDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId: string;
}
