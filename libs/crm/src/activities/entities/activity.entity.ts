import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity, ValidationError } from '@clientele/core';
import { ACTIVITY_COMPLETION, type ActivityCompletion, type ActivityState } from '../activity-state';
import type { ActivityType } from '../activity-type';

/**
 * A call, e-mail, meeting or task, with contacts (the `activity_contact` link), a deal and/or a
 * customer. It is open until completed (`completedAt`), overdue while open past `dueAt`, and a
 * completed one opens again only through `reopen`. The rules are here, unit-tested without a
 * database (`activity.entity.spec.ts`).
 */
@Entity('activity')
export class ActivityEntity extends OrganizationScopedEntity {
  @Column('text')
  type: ActivityType;

  @Column('text')
  subject: string;

  @Column('text', { nullable: true })
  body: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @Column('uuid', { nullable: true })
  ownerId: string | null;

  @Column('uuid', { nullable: true })
  dealId: string | null;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  /** When a command loaded or set them: the links are `ACTIVITY_CONTACTS` rows, not a relation. */
  contactIds?: string[];

  completion(): ActivityCompletion {
    return this.completedAt === null ? 'OPEN' : 'COMPLETED';
  }

  /** Completed; else overdue when `dueAt` has passed at `now`; else open. */
  state(now: Date): ActivityState {
    if (this.completedAt !== null) return 'completed';
    return this.dueAt !== null && this.dueAt.getTime() < now.getTime() ? 'overdue' : 'open';
  }

  /**
   * Marks the open activity done at `at` (default `now`), which cannot be in the future; a
   * completed one is a 409 (`INVALID_TRANSITION`).
   */
  complete(now: Date, at: Date = now): void {
    ACTIVITY_COMPLETION.assertTransition(this.completion(), 'COMPLETED');
    if (at.getTime() > now.getTime()) throw ValidationError.field('completedAt', 'completedAt cannot be in the future');
    this.completedAt = at;
  }

  /** The completed activity is open again (overdue again if its `dueAt` has passed); an open one is a 409. */
  reopen(): void {
    ACTIVITY_COMPLETION.assertTransition(this.completion(), 'OPEN');
    this.completedAt = null;
  }
}
