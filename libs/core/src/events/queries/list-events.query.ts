import type { ListEventsParams } from '../dto/list-events.params';

export class ListEventsQuery {
  constructor(
    readonly params: ListEventsParams,
    /** True once the client has gone away: a long poll stops waiting. */
    readonly aborted: () => boolean,
  ) {}
}
