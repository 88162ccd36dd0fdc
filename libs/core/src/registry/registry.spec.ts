import { describe, expect, it } from 'vitest';
import { Registry, type RegistryEntry } from './registry';

interface Section extends RegistryEntry {
  readonly label: string;
}

describe('Registry', () => {
  it('lists entries by order, then in the order they were registered', () => {
    const sections = new Registry<Section>('section');
    sections.register({ key: 'notes', order: 30, label: 'Notes' });
    sections.register({ key: 'deals', order: 10, label: 'Deals' });
    sections.register({ key: 'tickets', order: 30, label: 'Tickets' });
    sections.register({ key: 'first', label: 'First' });
    expect(sections.keys()).toEqual(['first', 'deals', 'notes', 'tickets']);
    expect(sections.get('deals').label).toBe('Deals');
    expect(sections.has('notes')).toBe(true);
    expect(sections.has('missing')).toBe(false);
  });

  it('refuses a key taken twice, keeping the first entry', () => {
    const sections = new Registry<Section>('section');
    sections.register({ key: 'deals', label: 'Deals' });
    expect(() => sections.register({ key: 'deals', label: 'Other' })).toThrow('section "deals" is registered twice');
    expect(sections.list()).toEqual([{ key: 'deals', label: 'Deals' }]);
  });

  it('refuses keys that are not plain identifiers and names an unknown key', () => {
    const sections = new Registry<Section>('section');
    expect(() => sections.register({ key: 'x; DROP', label: '' })).toThrow('is not a plain identifier');
    expect(() => sections.register({ key: '', label: '' })).toThrow('is not a plain identifier');
    expect(() => sections.get('nope')).toThrow('no section "nope" is registered');
  });

  it('takes no entry once frozen, and freezing twice is harmless', () => {
    const sections = new Registry<Section>('section');
    sections.register({ key: 'deals', label: 'Deals' });
    sections.freeze();
    sections.freeze();
    expect(sections.isFrozen).toBe(true);
    expect(() => sections.register({ key: 'notes', label: 'Notes' })).toThrow('registered after the app started');
    expect(sections.keys()).toEqual(['deals']);
  });

  it('hands out a list that cannot be changed from outside', () => {
    const sections = new Registry<Section>('section');
    sections.register({ key: 'deals', label: 'Deals' });
    const list = sections.list() as Section[];
    expect(() => list.push({ key: 'x', label: '' })).toThrow(TypeError);
    expect(sections.keys()).toEqual(['deals']);
  });
});
