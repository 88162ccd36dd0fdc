import { ValidationError } from '@clientele/core';
import type { TagRefDto } from './dto/tag-ref.dto';

/**
 * The tag ids of a body that may send Gauzy-style `tags: [{ id }]` or plain `tagIds`: undefined
 * when neither is sent (keep the tags), `null`/`[]` clears them, both at once is a 400.
 */
export function requestedTagIds(input: {
  tags?: TagRefDto[] | null;
  tagIds?: string[] | null;
}): { ids: string[]; field: 'tags' | 'tagIds' } | undefined {
  if (input.tags !== undefined && input.tagIds !== undefined) {
    throw ValidationError.field('tagIds', 'send either tags or tagIds, not both');
  }
  if (input.tags !== undefined) return { ids: (input.tags ?? []).map((tag) => tag.id), field: 'tags' };
  if (input.tagIds !== undefined) return { ids: input.tagIds ?? [], field: 'tagIds' };
  return undefined;
}
