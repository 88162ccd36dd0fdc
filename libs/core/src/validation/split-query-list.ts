/**
 * A query parameter that takes a list both ways, `kinds=a,b` and `kinds=a&kinds=b`: for
 * `@Transform`, before the list's `each` validators run.
 */
export function splitQueryList({ value }: { value: unknown }): unknown {
  const parts: unknown[] = Array.isArray(value) ? value : [value];
  return parts.flatMap((part) => (typeof part === 'string' ? part.split(',').map((item) => item.trim()) : [part]));
}
