/**
 * The API's cursor format (libs/core/src/pagination/keyset-cursor.ts): base64url of
 * `[sort, value, id]`. Re-implemented here in three lines so the floors stay bare.
 */
export function encodeCursor(sort: string, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: string; id: string } | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || typeof decoded[1] !== 'string' || typeof decoded[2] !== 'string') return null;
    return { value: decoded[1], id: decoded[2] };
  } catch {
    return null;
  }
}
