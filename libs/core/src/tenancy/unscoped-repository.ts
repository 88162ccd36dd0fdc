import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/**
 * The escape hatch around tenant scoping. Allowed only in auth (who is this user?),
 * migrations and seeding: `git grep unscopedRepository` lists every use.
 */
export function unscopedRepository<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
): Repository<T> {
  return manager.getRepository(target);
}
