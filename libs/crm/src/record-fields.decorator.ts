import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
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

/** A record named as an object, the way Gauzy's clients send references: `{ "id": "…" }`. */
export class IdRefDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsUUID()
  id: string;
}

/**
 * `tenantId` in a Gauzy body: Gauzy's clients send it; the guard has checked it is your own
 * tenant (another is a 404). Nothing is taken from it.
 */
export function TenantIdField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', description: 'Your own tenant, if sent (else 404).' }),
    OptionalNonNull(),
    IsUUID(),
  );
}

/**
 * `tenant: { id }` / `organization: { id }` in a Gauzy body, checked by the guard like
 * `tenantId` / `organizationId` (a tenant not yours, an organization you are not a member of: 404).
 */
export function IdRefField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: IdRefDto, description }),
    OptionalNonNull(),
    ValidateNested(),
    Type(() => IdRefDto),
  );
}
