import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Page, Ticket, TicketPriority, TicketStatus } from '../api/types';
import { useSession } from '../session';
import { Empty, ErrorNote, formatDate, Loading, useLoad } from '../ui';

const PAGE = 10;

const STATUS: Record<TicketStatus, string> = {
  OPEN: 'Open',
  PENDING: 'Pending',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};
const PRIORITY: Record<TicketPriority, string> = {
  LOW: 'Low',
  NORMAL: 'Normal',
  HIGH: 'High',
  URGENT: 'Urgent',
};

/**
 * A contact's or customer's tickets (`GET crm/contacts/:id/tickets`, `GET crm/customers/:id/tickets`),
 * most recently updated first, with "load more" through the list's cursor.
 */
export function RecordTickets({ path, version = 0 }: { path: string; version?: number }): JSX.Element {
  const session = useSession();
  const role = session.me.memberships.find((m) => m.organizationId === session.organizationId)?.role ?? '';
  const allowed = session.can('ORG_TICKET_VIEW');
  const query = { limit: PAGE, sort: '-updatedAt' };
  const first = useLoad(
    () => (allowed ? api.get<Page<Ticket>>(path, query) : Promise.resolve(undefined)),
    [path, version, allowed],
  );
  const [items, setItems] = useState<Ticket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [exhausted, setExhausted] = useState(false);
  const [more, setMore] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  useEffect(() => {
    setItems(first.data?.items ?? []);
    setCursor(first.data?.nextCursor ?? null);
    setExhausted(false);
  }, [first.data]);

  async function loadMore(): Promise<void> {
    setMore({ busy: true });
    try {
      const page = await api.get<Page<Ticket>>(
        path,
        cursor !== null ? { ...query, cursor } : { ...query, offset: items.length },
      );
      setItems([...items, ...page.items]);
      if (page.items.length === 0) setExhausted(true);
      setCursor(page.nextCursor ?? null);
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error });
    }
  }

  const total = first.data?.total;
  const hasMore = !exhausted && (cursor !== null || items.length < (total ?? 0));
  return (
    <section class="panel" aria-labelledby="tickets-title">
      <h3 id="tickets-title">
        Tickets{' '}
        {total !== undefined ? (
          <span class="count">
            {total}
            {first.data?.totalCapped ? '+' : ''}
          </span>
        ) : null}
      </h3>
      {!allowed ? <Empty>Your role ({role}) may not view tickets.</Empty> : null}
      <ErrorNote error={first.error} />
      {allowed && first.loading && !first.data ? <Loading what="tickets" /> : null}
      {first.data && items.length === 0 ? <Empty>No tickets.</Empty> : null}
      {items.length > 0 ? (
        <ul class="plain tickets">
          {items.map((ticket) => (
            <li key={ticket.id} class="ticket">
              <span class="ticket-title">{ticket.title}</span>
              <span class="ticket-meta">
                <span class={`badge status-${ticket.status}`}>
                  <span class="visually-hidden">Status: </span>
                  {STATUS[ticket.status]}
                </span>
                <span class={`badge priority-${ticket.priority}`}>
                  <span class="visually-hidden">Priority: </span>
                  {PRIORITY[ticket.priority]}
                </span>
                <span class="muted">
                  updated <time dateTime={ticket.updatedAt}>{formatDate(ticket.updatedAt)}</time>
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorNote error={more.error} />
      {hasMore && items.length > 0 ? (
        <button type="button" class="secondary load-more" onClick={() => void loadMore()} disabled={more.busy}>
          {more.busy ? 'Loading…' : 'More tickets'}
        </button>
      ) : null}
    </section>
  );
}
