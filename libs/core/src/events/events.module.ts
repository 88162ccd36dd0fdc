import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventsController } from './events.controller';
import { ListEventsHandler } from './queries/list-events.handler';

/** The change feed's HTTP side; the feed itself (`OutboxFeed`) is a core provider. */
@Module({
  imports: [CqrsModule],
  controllers: [EventsController],
  providers: [ListEventsHandler],
})
export class EventsModule {}
