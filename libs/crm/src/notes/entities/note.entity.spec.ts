import { describe, expect, it } from 'vitest';
import { ValidationError } from '@clientele/core';
import { noteSubject } from '../note-subject';
import { NOTE_MAX_BYTES, NoteEntity } from './note.entity';

describe('NoteEntity', () => {
  it('keeps Markdown up to 64 KB of UTF-8, trimmed at the end', () => {
    const note = new NoteEntity();
    note.write('# Call notes\n\n- budget *approved*\n\n');
    expect(note.body).toBe('# Call notes\n\n- budget *approved*');
    note.write('x'.repeat(NOTE_MAX_BYTES));
    expect(note.body).toHaveLength(NOTE_MAX_BYTES);
  });

  it('counts bytes, not characters, and refuses empty text', () => {
    const note = new NoteEntity();
    // "é" is two bytes: half as many fit.
    expect(() => note.write('é'.repeat(NOTE_MAX_BYTES / 2 + 1))).toThrow(ValidationError);
    note.write('é'.repeat(NOTE_MAX_BYTES / 2));
    expect(() => note.write('  \n ')).toThrow(ValidationError);
  });
});

describe('noteSubject', () => {
  it('takes the one subject named', () => {
    expect(noteSubject({ dealId: 'ABC' })).toEqual({ field: 'dealId', id: 'abc' });
    expect(noteSubject({ contactId: null, customerId: 'c1' })).toEqual({ field: 'customerId', id: 'c1' });
  });

  it('refuses none or two, naming the field', () => {
    expect(() => noteSubject({})).toThrow(ValidationError);
    try {
      noteSubject({ contactId: 'a', dealId: 'b' });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).errors).toEqual([{ field: 'dealId', message: expect.any(String) }]);
    }
  });
});
