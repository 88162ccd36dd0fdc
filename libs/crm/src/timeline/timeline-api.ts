import { ApiPropertyOptional } from '@nestjs/swagger';
import { TimelineParams } from './dto/timeline.params';
import { TimelineSources } from './timeline-sources';

let described = false;

/**
 * Documents `kinds` with the registered sources' keys. Runs when the app has bootstrapped (every
 * source is registered by then; the document is built on its first request), once per process.
 */
export function describeTimelineApi(): void {
  if (described) return;
  described = true;
  ApiPropertyOptional({
    description:
      'Kinds to show, repeated or comma-separated (`kinds=note,stage_change`); all by default. ' +
      'A kind the record has no items of shows none.',
    enum: TimelineSources.keys(),
    isArray: true,
  })(TimelineParams.prototype, 'kinds');
}
