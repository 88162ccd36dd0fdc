import { ValidationError } from '@clientele/core';

interface NameParts {
  readonly name?: string;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
}

/** A person's display name: `firstName lastName`, either part optional. */
export function composeContactName(firstName: string | null | undefined, lastName: string | null | undefined): string {
  return [firstName, lastName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The display name after a create or change. A `name` sent wins (Gauzy's business contacts);
 * otherwise a change to `firstName`/`lastName` recomposes it (the portal's people); otherwise
 * it stays. A contact cannot end up nameless.
 */
export function nextContactName(
  current: { readonly name: string; readonly firstName: string | null; readonly lastName: string | null } | undefined,
  change: NameParts,
): string {
  if (change.name !== undefined) return change.name;
  if (current !== undefined && change.firstName === undefined && change.lastName === undefined) return current.name;
  const composed = composeContactName(
    change.firstName === undefined ? current?.firstName : change.firstName,
    change.lastName === undefined ? current?.lastName : change.lastName,
  );
  if (composed === '') {
    throw ValidationError.field(
      current === undefined ? 'name' : 'firstName',
      'a contact needs a name: send name, or firstName and/or lastName',
    );
  }
  return composed;
}
