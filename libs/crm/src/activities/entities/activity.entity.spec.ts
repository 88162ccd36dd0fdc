import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, ValidationError } from '@clientele/core';
import { ActivityEntity } from './activity.entity';

const NOW = new Date('2026-06-15T12:00:00.000Z');

function activity(fields: Partial<ActivityEntity> = {}): ActivityEntity {
  return Object.assign(
    new ActivityEntity(),
    { type: 'TASK', subject: 'Call back', dueAt: null, completedAt: null },
    fields,
  );
}

describe('ActivityEntity', () => {
  it('is open without a due date, open before it, overdue after it, completed once done', () => {
    expect(activity().state(NOW)).toBe('open');
    expect(activity({ dueAt: new Date('2026-06-16T00:00:00Z') }).state(NOW)).toBe('open');
    expect(activity({ dueAt: new Date('2026-06-15T11:59:59.999Z') }).state(NOW)).toBe('overdue');
    expect(activity({ dueAt: new Date('2026-06-01T00:00:00Z'), completedAt: NOW }).state(NOW)).toBe('completed');
  });

  it('completes now by default, or at a past instant, never in the future', () => {
    const task = activity({ dueAt: new Date('2026-06-01T00:00:00Z') });
    task.complete(NOW);
    expect(task.completedAt).toEqual(NOW);
    expect(task.state(NOW)).toBe('completed');

    const earlier = activity();
    earlier.complete(NOW, new Date('2026-06-10T09:00:00Z'));
    expect(earlier.completedAt).toEqual(new Date('2026-06-10T09:00:00Z'));

    const future = activity();
    expect(() => future.complete(NOW, new Date('2026-06-15T12:00:01Z'))).toThrow(ValidationError);
    expect(future.completedAt).toBeNull();
  });

  it('refuses to complete a completed activity, and keeps its completion time', () => {
    const done = activity({ completedAt: new Date('2026-06-10T00:00:00Z') });
    expect(() => done.complete(NOW)).toThrow(InvalidTransitionError);
    expect(done.completedAt).toEqual(new Date('2026-06-10T00:00:00Z'));
  });

  it('reopens a completed activity, overdue again when its due date has passed', () => {
    const done = activity({ dueAt: new Date('2026-06-01T00:00:00Z'), completedAt: new Date('2026-06-02T00:00:00Z') });
    done.reopen();
    expect(done.completedAt).toBeNull();
    expect(done.state(NOW)).toBe('overdue');
  });

  it('refuses to reopen an open activity', () => {
    expect(() => activity().reopen()).toThrow(InvalidTransitionError);
  });
});
