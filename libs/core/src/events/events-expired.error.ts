import { GoneError } from '../errors/domain-error';

/** 410 `EVENTS_EXPIRED`: the feed no longer holds the events after `after`; `oldestSequence` is where it starts. */
export function eventsExpired(purgedThrough: string): GoneError {
  return new GoneError(
    'EVENTS_EXPIRED',
    `Events up to sequence ${purgedThrough} are past their retention; resume with after=${purgedThrough}.`,
    { oldestSequence: (BigInt(purgedThrough) + 1n).toString() },
  );
}
