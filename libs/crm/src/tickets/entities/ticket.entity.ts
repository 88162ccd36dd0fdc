import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';
import type { TagEntity } from '../../tags';
import { TICKET_STATUS, type TicketPriority, type TicketStatus } from '../ticket-status';

/** A status change a ticket made: what `ticket.status_changed` reports. */
export interface TicketStatusChange {
  readonly from: TicketStatus;
  readonly to: TicketStatus;
}

/**
 * A service-desk ticket (GitLab's issue with CRM contacts). Its status moves only along
 * `TICKET_STATUS` (409 `INVALID_TRANSITION` otherwise); `resolvedAt` and `closedAt` follow it.
 * The rules are here, unit-tested without a database (`ticket.entity.spec.ts`).
 */
@Entity('ticket')
export class TicketEntity extends OrganizationScopedEntity {
  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { default: 'OPEN' })
  status: TicketStatus;

  @Column('text', { default: 'NORMAL' })
  priority: TicketPriority;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  /** When the first response falls due under the SLA policy that applied when it was opened (null: none). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  firstResponseDueAt: Date | null;

  /** When resolution falls due under the SLA policy that applied when it was opened (null: none). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolutionDueAt: Date | null;

  /** The `Message-ID` of the e-mail that opened it (unique per organization): inbound mail is idempotent. */
  @Column('text', { nullable: true })
  inboundMessageId: string | null;

  /** When a command loaded or set them: the links are `TICKET_TAGS` rows. */
  tags?: TagEntity[];

  /** Where a new ticket starts. */
  open(): void {
    this.status = 'OPEN';
    this.resolvedAt = null;
    this.closedAt = null;
  }

  /**
   * Moves the ticket to `to`: RESOLVED stamps `resolvedAt`, CLOSED stamps `closedAt` (keeping
   * when it was resolved), going back to OPEN or PENDING clears both. Null when it is already
   * there; a move the machine does not declare is a 409.
   */
  moveTo(to: TicketStatus, now: Date): TicketStatusChange | null {
    const from = this.status;
    if (from === to) return null;
    TICKET_STATUS.assertTransition(from, to);
    this.status = to;
    if (to === 'RESOLVED') {
      this.resolvedAt = now;
      this.closedAt = null;
    } else if (to === 'CLOSED') {
      this.resolvedAt ??= now;
      this.closedAt = now;
    } else {
      this.resolvedAt = null;
      this.closedAt = null;
    }
    return { from, to };
  }

  /** Still needs work: OPEN or PENDING. */
  isUnresolved(): boolean {
    return this.status === 'OPEN' || this.status === 'PENDING';
  }
}
