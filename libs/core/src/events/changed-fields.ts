/** The top-level fields whose values differ between two snapshots (compared as JSON), sorted. */
export function changedFields(previous: object, data: object): string[] {
  const before = previous as Record<string, unknown>;
  const after = data as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}
