import { describe, expect, it } from 'vitest';
import { projectChangeVerb } from './project-change';

const ADA = '6f1c2d3e-0000-4000-8000-000000000001';
const BOB = '6f1c2d3e-0000-4000-8000-000000000002';
const project = { name: 'Move', description: null, status: 'ACTIVE' as const, customerId: null, contactIds: [ADA] };

describe('projectChangeVerb', () => {
  it('is contacts_changed when only the contacts changed', () => {
    expect(projectChangeVerb(project, { ...project, contactIds: [ADA, BOB] })).toBe('contacts_changed');
    expect(projectChangeVerb(project, { ...project, contactIds: [] })).toBe('contacts_changed');
  });

  it('is updated when another field changed, with the contacts or without', () => {
    expect(projectChangeVerb(project, { ...project, status: 'COMPLETED' })).toBe('updated');
    expect(projectChangeVerb(project, { ...project, name: 'Moved', contactIds: [BOB] })).toBe('updated');
    expect(projectChangeVerb(project, { ...project, customerId: BOB })).toBe('updated');
  });

  it('is updated when nothing changed, and ignores the order of the contacts', () => {
    expect(projectChangeVerb(project, { ...project })).toBe('updated');
    const two = { ...project, contactIds: [ADA, BOB] };
    expect(projectChangeVerb(two, { ...two, contactIds: [BOB, ADA] })).toBe('updated');
  });
});
