import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import { eventsExpiredError } from '../events-expired.error';
import type { EventPage } from '../dto/event-page.response';
import { visibleEventScopes } from '../event-visibility';
import { OutboxFeed } from '../outbox-feed';
import { ListEventsQuery } from './list-events.query';

const DEFAULT_LIMIT = 100;

/**
 * The change feed: the tenant's events after `after`, in sequence order, of the entities whose
 * view grant the reader holds in the event's organization (an API key with ORG_CONTACT_VIEW
 * reads contact events of its organizations, nothing else). `after` below what retention
 * deleted is a 410 naming where to resume.
 */
@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery, EventPage> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly feed: OutboxFeed,
  ) {}

  async execute({ params, aborted }: ListEventsQuery): Promise<EventPage> {
    const scope = this.reader.scope();
    const purgedThrough = await this.feed.purgedThrough();
    if (params.after !== undefined && BigInt(params.after) < BigInt(purgedThrough)) {
      throw eventsExpiredError(purgedThrough);
    }
    const after = params.after ?? purgedThrough;
    const items = await this.feed.readOrWait(
      {
        tenantId: scope.tenantId,
        after,
        limit: params.limit ?? DEFAULT_LIMIT,
        types: params.types,
        visible: visibleEventScopes(scope),
      },
      (params.wait ?? 0) * 1000,
      aborted,
    );
    return { items, nextAfter: items.at(-1)?.sequence ?? after };
  }
}
