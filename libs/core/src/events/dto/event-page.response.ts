import { ApiProperty } from '@nestjs/swagger';
import { ClienteleEvent } from '../event-envelope';

/** A page of the change feed, in sequence order. */
export class EventPage {
  @ApiProperty({ type: [ClienteleEvent] })
  items: ClienteleEvent[];
  /** Send as `after` for the next page: the last item's sequence, or your `after` when the page is empty. */
  @ApiProperty({ example: '1042', pattern: '^[0-9]+$' })
  nextAfter: string;
}
