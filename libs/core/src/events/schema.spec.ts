import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields';
import { defineEvent, definedEvents } from './event-definition';
import { type Infer, schema } from './schema';

const PERSON = schema.object({
  id: schema.uuid(),
  name: schema.string(),
  budget: schema.nullable(schema.decimal()),
  kind: schema.enum('LEAD', 'VENDOR'),
  tagIds: schema.array(schema.uuid()),
  createdAt: schema.timestamp(),
  version: schema.integer(),
  active: schema.boolean(),
});
type Person = Infer<typeof PERSON>;

const ID = '5b0e7f4e-9c1d-4d2a-8f3e-1a2b3c4d5e6f';
const person: Person = {
  id: ID,
  name: 'Jane',
  budget: '1200.5000',
  kind: 'LEAD',
  tagIds: [ID],
  createdAt: new Date('2026-01-01T00:00:00Z'),
  version: 1,
  active: true,
};

describe('schema', () => {
  it('accepts a value of its type, a Date or its JSON text for a timestamp, and null where nullable', () => {
    expect(PERSON.problems(person)).toEqual([]);
    expect(PERSON.problems(JSON.parse(JSON.stringify({ ...person, budget: null })))).toEqual([]);
  });

  it('names every problem by its path: wrong types, missing and unknown fields', () => {
    const withoutVersion: Record<string, unknown> = { ...person };
    delete withoutVersion.version;
    expect(
      PERSON.problems({ ...withoutVersion, id: 'x', budget: 12.5, kind: 'FRIEND', tagIds: [ID, 3], secret: 'y' }),
    ).toEqual([
      '$.version is missing',
      '$.secret is not in the schema',
      '$.id must be a uuid',
      '$.budget must be a decimal string',
      '$.kind must be one of LEAD, VENDOR',
      '$.tagIds[1] must be a uuid',
    ]);
    expect(PERSON.problems(null)).toEqual(['$ must be an object']);
    expect(PERSON.problems({ ...person, createdAt: 'yesterday', active: 'yes' })).toEqual([
      '$.createdAt must be a timestamp',
      '$.active must be a boolean',
    ]);
  });

  it('describes itself as JSON Schema for the event catalogue', () => {
    expect(schema.object({ name: schema.string(), budget: schema.nullable(schema.decimal()) }).describe()).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['name', 'budget'],
      properties: {
        name: { type: 'string' },
        budget: { anyOf: [{ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }, { type: 'null' }] },
      },
    });
  });
});

describe('defineEvent', () => {
  it('defines a type once per version, with the entity from the type unless named', () => {
    const created = defineEvent('person.created', 1, PERSON);
    const joined = defineEvent('team.person_joined', 1, PERSON, { entity: 'membership' });
    expect([created.entity, joined.entity]).toEqual(['person', 'membership']);
    expect(created.describe()).toMatchObject({ type: 'person.created', version: 1, data: { type: 'object' } });
    expect(definedEvents()).toEqual(expect.arrayContaining([created, joined]));
    expect(() => defineEvent('person.created', 1, PERSON)).toThrow('defined twice');
    expect(defineEvent('person.created', 2, PERSON).version).toBe(2);
    expect(() => defineEvent('PersonCreated', 1, PERSON)).toThrow('<entity>.<verb>');
    expect(() => defineEvent('person.renamed', 0, PERSON)).toThrow('version');
  });
});

describe('changedFields', () => {
  it('lists the top-level fields whose JSON differs, dates and arrays compared by value', () => {
    const after = { ...person, name: 'Janet', tagIds: [], createdAt: new Date('2026-01-01T00:00:00Z') };
    expect(changedFields(person, after)).toEqual(['name', 'tagIds']);
  });
});
