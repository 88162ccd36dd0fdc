import { describe, expect, it } from 'vitest';
import { ValidationError } from '@clientele/core';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';

describe('timeline cursor', () => {
  const position = {
    occurredAt: new Date('2026-12-01T10:00:00.123Z'),
    source: 'stage_change',
    id: '0b6a5c1e-6a43-4a0e-9c39-3f1b4c8a2d11',
  };

  it('round-trips a position', () => {
    expect(decodeTimelineCursor(encodeTimelineCursor(position))).toEqual(position);
  });

  it('refuses a list cursor, garbage and forged values', () => {
    const forge = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const cursor of [
      'not-a-cursor',
      forge(['-createdAt', '2026-12-01T10:00:00.123Z', position.id]),
      forge(['timeline', 'yesterday', 'note', position.id]),
      forge(['timeline', '2026-12-01T10:00:00.123Z', "note' OR 1=1", position.id]),
      forge(['timeline', '2026-12-01T10:00:00.123Z', 'note', 'x']),
    ]) {
      expect(() => decodeTimelineCursor(cursor)).toThrow(ValidationError);
    }
  });
});
