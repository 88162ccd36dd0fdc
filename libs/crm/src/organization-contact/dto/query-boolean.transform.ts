/** `@Transform(queryBoolean)`: `true`/`false` in a query string; anything else is left for `@IsBoolean` to refuse. */
export function queryBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
