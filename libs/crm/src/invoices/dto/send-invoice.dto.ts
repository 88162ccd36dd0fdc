import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';

export class SendInvoiceDto {
  @ApiPropertyOptional({ type: [String], example: ['billing@example.com'], maxItems: 20 })
  @OptionalNonNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  to?: string[];
}
