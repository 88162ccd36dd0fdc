/** `%term%` for LIKE on the lower-cased search text, with LIKE's wildcards escaped, as the API builds it. */
export function containsPattern(term: string): string {
  return `%${term
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
