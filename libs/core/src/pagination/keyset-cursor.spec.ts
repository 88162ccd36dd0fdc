import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './keyset-cursor';

describe('keyset cursor', () => {
  const position = {
    sort: '-createdAt',
    value: '2026-11-24T10:00:00.123Z',
    id: '0b6a5c1e-6a43-4a0e-9c39-3f1b4c8a2d11',
  };

  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(position), '-createdAt')).toEqual(position);
  });

  it('round-trips a ranked position, and refuses a rank that is not a small integer', () => {
    expect(decodeCursor(encodeCursor({ ...position, rank: 2 }), '-createdAt')).toEqual({ ...position, rank: 2 });
    const forged = Buffer.from(JSON.stringify(['-createdAt', position.value, position.id, 0.5])).toString('base64url');
    expect(() => decodeCursor(forged, '-createdAt')).toThrow(ValidationError);
  });

  it('refuses a cursor made for another sort', () => {
    expect(() => decodeCursor(encodeCursor(position), 'name')).toThrow(ValidationError);
  });

  it('refuses garbage and forged ids', () => {
    expect(() => decodeCursor('not-base64-json', '-createdAt')).toThrow(ValidationError);
    const forged = Buffer.from(JSON.stringify(['-createdAt', 'x', "1' OR 1=1"])).toString('base64url');
    expect(() => decodeCursor(forged, '-createdAt')).toThrow(ValidationError);
  });
});
