/** The SLA targets a ticket can miss. */
export const SLA_TARGETS = ['FIRST_RESPONSE', 'RESOLUTION'] as const;
export type SlaTargetName = (typeof SLA_TARGETS)[number];

/** What decides a ticket's SLA: its due times (stamped when opened) and when it met them. */
export interface TicketSlaClock {
  readonly firstResponseDueAt: Date | null;
  readonly resolutionDueAt: Date | null;
  /** The first live comment by a user (not an e-mail or an API key), if any. */
  readonly firstRespondedAt: Date | null;
  /** Kept when CLOSED, cleared when reopened (the clock runs again). */
  readonly resolvedAt: Date | null;
}

/**
 * The targets a ticket has missed at `now`: one met late, or still unmet past its due time. A
 * ticket without due times (no policy applied when it was opened) never breaches.
 */
export function breachedTargets(clock: TicketSlaClock, now: Date): SlaTargetName[] {
  const missed = (due: Date | null, metAt: Date | null): boolean =>
    due !== null && (metAt ?? now).getTime() > due.getTime();
  const breached: SlaTargetName[] = [];
  if (missed(clock.firstResponseDueAt, clock.firstRespondedAt)) breached.push('FIRST_RESPONSE');
  if (missed(clock.resolutionDueAt, clock.resolvedAt)) breached.push('RESOLUTION');
  return breached;
}

/** When the ticket aliased `alias` was first answered: its first live comment by a user (`ticket_comment_ticket_idx`). */
export function firstResponseSql(alias: string): string {
  return `(SELECT min(response.created_at) FROM ticket_comment response
            WHERE response.tenant_id = "${alias}".tenant_id AND response.organization_id = "${alias}".organization_id
              AND response.ticket_id = "${alias}".id AND response.author_id IS NOT NULL
              AND response.deleted_at IS NULL)`;
}

/** `breachedTargets(…).length > 0` in SQL, at the statement's `now()` (the list's `slaBreached` filter). */
export function slaBreachedSql(alias: string): string {
  return `(("${alias}".first_response_due_at IS NOT NULL
             AND coalesce(${firstResponseSql(alias)}, now()) > "${alias}".first_response_due_at)
        OR ("${alias}".resolution_due_at IS NOT NULL
             AND coalesce("${alias}".resolved_at, now()) > "${alias}".resolution_due_at))`;
}
