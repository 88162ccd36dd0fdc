import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';

/**
 * The field blocks every CRM record body repeats (contacts, customers; next deals, tickets,
 * invoices). Each is validation plus the OpenAPI limits the swagger plugin would have read from
 * the same decorators written on the property; the property keeps its comment as description.
 */

/** `ownerId`: optional, a user id; `null` clears it (the handler checks membership and who may assign). */
export function OwnerIdField(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, format: 'uuid' }), IsOptional(), IsUUID());
}

/** `organizationId` in a body: optional (the request's organization is the default), never `null`. */
export function OrganizationIdField(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, format: 'uuid' }), OptionalNonNull(), IsUUID());
}

/** A yes/no field of a record (`marketingOptOut`, `isActive`): optional, but `null` cannot clear it. */
export function FlagField(): PropertyDecorator {
  return applyDecorators(OptionalNonNull(), IsBoolean());
}
