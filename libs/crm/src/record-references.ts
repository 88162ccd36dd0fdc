import {
  findOrganizationMembers,
  NotFoundError,
  type OrganizationScopedEntity,
  type Transaction,
  ValidationError,
} from '@clientele/core';
import type { EntityTarget } from 'typeorm';

/**
 * The records a body names (`contactId`, `contactIds`, `dealId`, …) must be live records of the
 * organization the written record belongs to: another organization's or tenant's record, or a
 * deleted one, answers 404 with its code (`CONTACT_NOT_FOUND`) and the field that named it, as
 * the record itself would. Deals, activities and notes check their references through these.
 */
export async function assertOrganizationRecords<T extends OrganizationScopedEntity>(
  tx: Transaction,
  target: EntityTarget<T>,
  organizationId: string,
  ids: readonly string[],
  field: string,
): Promise<void> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return;
  const records = tx.repository(target);
  const found = await records
    .query('referenced', 'visible')
    .andWhere('referenced.organizationId = :referencedOrganizationId', { referencedOrganizationId: organizationId })
    .andWhere('referenced.id = ANY(:referencedIds)', { referencedIds: wanted })
    .getMany();
  const known = new Set(found.map((record) => record.id));
  const missing = wanted.find((id) => !known.has(id));
  if (missing !== undefined) throw new NotFoundError(records.entityName, missing, field);
}

/** The user named by `field` must be a member of the organization; anyone else is a 404 `USER_NOT_FOUND`. */
export async function assertOrganizationMember(
  tx: Transaction,
  organizationId: string,
  userId: string,
  field: string,
): Promise<void> {
  try {
    await findOrganizationMembers(tx, organizationId, [userId], field);
  } catch (error) {
    if (error instanceof ValidationError) throw new NotFoundError('USER', userId, field);
    throw error;
  }
}
