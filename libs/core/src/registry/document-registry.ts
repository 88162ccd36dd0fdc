import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { Registry, RegistryEntry } from './registry';

const documented = new WeakMap<object, Set<string>>();

/**
 * Gives `response` one OpenAPI property per registry entry, in the registry's order, so a
 * response shaped by a registry (a field per search section) documents what is registered
 * rather than a list kept by hand. Each key is documented once per process, however many apps
 * it starts (tests start several).
 */
export function documentRegistry<T extends RegistryEntry>(
  response: Type<unknown>,
  registry: Registry<T>,
  property: (entry: T) => ApiPropertyOptions,
): void {
  let keys = documented.get(response);
  if (keys === undefined) {
    keys = new Set();
    documented.set(response, keys);
  }
  for (const entry of registry.list()) {
    if (keys.has(entry.key)) continue;
    keys.add(entry.key);
    ApiProperty(property(entry))(response.prototype as object, entry.key);
  }
}
