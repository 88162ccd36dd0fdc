/** `@Transform(queryList)`: a single query value where a list is allowed (`where[tags]=a` → `[a]`). */
export function queryList({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? [value] : value;
}
