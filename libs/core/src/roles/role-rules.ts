import { ConflictError } from '../errors/domain-error';
import { BUILT_IN_ROLE_NAMES } from '../permissions/built-in-roles';
import type { RoleEntity } from '../tenancy/entities/role.entity';

/** Built-in roles are the same for every tenant and defined in code: 409 `BUILT_IN_ROLE`. */
export function assertMutable(role: RoleEntity): void {
  if (role.builtIn) {
    throw new ConflictError('BUILT_IN_ROLE', `The built-in role ${role.name} cannot be changed or deleted.`);
  }
}

/** A tenant role named like a built-in one would make role names ambiguous when assigning. */
export function assertNotBuiltInName(name: string): void {
  if ((BUILT_IN_ROLE_NAMES as readonly string[]).includes(name.toUpperCase())) {
    throw new ConflictError('ROLE_NAME_TAKEN', `${name} is the name of a built-in role.`);
  }
}
