import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiTag } from '../openapi/api-tag.decorator';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../errors/api-problems.decorator';
import { Permission } from '../permissions/permission.enum';
import { RequirePermissions } from '../permissions/permissions.decorator';
import { EventPage } from './dto/event-page.response';
import { eventsExpiredError } from './events-expired.error';
import { ListEventsParams } from './dto/list-events.params';
import { ListEventsQuery } from './queries/list-events.query';

/** Any view grant reads the feed; which events it shows depends on which (`EventVisibilities`). */
const VIEW_GRANTS = Object.values(Permission).filter((permission) => permission.endsWith('_VIEW'));

@ApiTag(
  'events',
  'The change feed: every event of your organizations in commit order, filtered by type, with long polling.',
)
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequirePermissions(...VIEW_GRANTS)
  @ApiOperation({
    summary: 'The change feed: your events after a sequence, in commit order, to catch up after downtime.',
    description:
      'Events of the organizations and record kinds you may view (contact events need ORG_CONTACT_VIEW), ' +
      'each in the shape webhooks and JetStream carry. Read with `after=<nextAfter>` until `items` is empty; ' +
      '`wait=25` holds the request until an event arrives (long poll). An `after` older than the retention ' +
      'answers 410 with `oldestSequence`.',
  })
  @ApiOkResponse({ type: EventPage })
  @ApiProblems(400, 401, 403, 404, eventsExpiredError('1000'))
  list(@Query() params: ListEventsParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<EventPage> {
    let closed = false;
    reply.raw.once('close', () => {
      closed = true;
    });
    return this.queryBus.execute<ListEventsQuery, EventPage>(new ListEventsQuery(params, () => closed));
  }
}
