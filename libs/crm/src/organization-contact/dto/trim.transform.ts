/** `@Transform(trim)`: surrounding spaces are never part of a name, e-mail or phone number. */
export function trim({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
