import { GoneError } from '../errors/domain-error';

/** An `after` older than the retention: the 410 names where to resume (`oldestSequence`). */
export function eventsExpiredError(purgedThrough: string): GoneError {
  return new GoneError(
    'EVENTS_EXPIRED',
    `Events up to sequence ${purgedThrough} are past their retention; resume with after=${purgedThrough}.`,
    { oldestSequence: (BigInt(purgedThrough) + 1n).toString() },
  );
}
