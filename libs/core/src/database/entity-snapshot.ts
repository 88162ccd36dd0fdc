import type { EntityManager, ObjectLiteral } from 'typeorm';

/** Never copied into audit entries or events, whatever object they come on. */
const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'passwordHash',
  'password',
  'tokenHash',
  'secretHash',
  'mfaSecret',
  'recoveryCodes',
  'secret',
  'secretEncrypted',
  'codeHash',
]);

/**
 * The column values of an entity as plain JSON for audit and events. Columns that are never
 * selected (password hashes, secrets) and secret-named fields are left out.
 */
export function entitySnapshot(manager: EntityManager, entity: ObjectLiteral): Record<string, unknown> {
  const target = entity.constructor;
  const snapshot: Record<string, unknown> = {};
  if (target !== Object && manager.connection.hasMetadata(target)) {
    for (const column of manager.connection.getMetadata(target).columns) {
      const value: unknown = column.getEntityValue(entity);
      if (column.isSelect && value !== undefined) snapshot[column.propertyName] = value;
    }
  } else {
    Object.assign(snapshot, entity);
  }
  for (const field of SECRET_FIELDS) delete snapshot[field];
  return snapshot;
}
