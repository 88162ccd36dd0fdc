import { decodeCursorValues, encodeCursorValues, isStorableCursorText, ValidationError } from '@clientele/core';
import type { TimelinePosition } from './timeline-sources';

const MARK = 'timeline';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SOURCE_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The opaque `nextCursor` of a timeline page ending at `position`. */
export function encodeTimelineCursor(position: TimelinePosition): string {
  return encodeCursorValues([MARK, position.occurredAt.toISOString(), position.source, position.id.toLowerCase()]);
}

/** The position a timeline cursor holds; anything else is a 400 on `cursor`. */
export function decodeTimelineCursor(cursor: string): TimelinePosition {
  const decoded = decodeCursorValues(cursor);
  if (!Array.isArray(decoded) || decoded.length !== 4 || decoded[0] !== MARK) throw notOurs();
  const [, at, source, id] = decoded as unknown[];
  if (!isStorableCursorText(at) || !isStorableCursorText(source) || !isStorableCursorText(id)) throw notOurs();
  const occurredAt = new Date(at);
  if (Number.isNaN(occurredAt.getTime()) || occurredAt.toISOString() !== at) throw notOurs();
  if (!SOURCE_KEY.test(source) || !UUID.test(id)) throw notOurs();
  return { occurredAt, source, id: id.toLowerCase() };
}

function notOurs(): ValidationError {
  return ValidationError.field('cursor', 'cursor is not a timeline cursor this API issued');
}
