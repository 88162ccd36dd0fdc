import { NotFoundError, type Transaction } from '@clientele/core';
import { TagEntity } from './entities/tag.entity';

/**
 * The tags named by `tagIds`, each of which must be a live tag of the organization; any other
 * id (deleted, another organization's, unknown) is a 404 `TAG_NOT_FOUND` naming `field`.
 */
export async function findOrganizationTags(
  tx: Transaction,
  organizationId: string,
  tagIds: readonly string[],
  field: string,
): Promise<TagEntity[]> {
  const wanted = [...new Set(tagIds.map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return [];
  const tags = await tx
    .repository(TagEntity)
    .query('tag', 'visible')
    .andWhere('tag.organizationId = :organizationId', { organizationId })
    .andWhere('tag.id = ANY(:tagIds)', { tagIds: wanted })
    .getMany();
  const found = new Set(tags.map((tag) => tag.id));
  const unknown = wanted.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new NotFoundError(
      'TAG',
      unknown[0],
      field,
      `${field}: ${unknown.join(', ')} — no such tag in the organization`,
    );
  }
  return tags;
}
