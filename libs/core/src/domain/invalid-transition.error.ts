import { ConflictError } from '../errors/domain-error';

/**
 * A record asked to move to a state its state machine does not allow from where it is (a PAID
 * invoice back to DRAFT). A 409: the request is valid in itself and would succeed from another
 * state, so it conflicts with the record's current state (RFC 9110 §15.5.10) — a 422 would say
 * the body itself is wrong. The problem names `entity`, `from`, `to` and the `allowed` states.
 */
export class InvalidTransitionError extends ConflictError {
  static readonly code = 'INVALID_TRANSITION';

  constructor(
    readonly entity: string,
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    const label = entity.toLowerCase().replace(/_/g, ' ');
    const options = allowed.length === 0 ? `${from} is final` : `from ${from} it can move to ${allowed.join(', ')}`;
    super(InvalidTransitionError.code, `The ${label} cannot move from ${from} to ${to}: ${options}.`, {
      entity,
      from,
      to,
      allowed: [...allowed],
    });
  }
}
