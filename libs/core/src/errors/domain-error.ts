import type { FieldError } from './problem';

/**
 * A typed error the problem filter turns into `application/problem+json`. Domain rules
 * throw subclasses; nothing else reaches a client but a generic 500.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;

  protected constructor(
    readonly code: string,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
    /** Extra members of the problem document (e.g. `existingId` on a conflict). */
    readonly extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';

  /**
   * `entity` in upper snake case, e.g. `CONTACT` → code `CONTACT_NOT_FOUND`. `field` names the
   * body or query field that referred to the record (`customerId`), so the problem document's
   * `errors` says which reference is unknown, as a validation error would.
   */
  constructor(entity: string, id?: string, field?: string, detail?: string) {
    const label = entity.toLowerCase().replace(/_/g, ' ');
    const message = detail ?? (id === undefined ? `No such ${label}.` : `No ${label} with id ${id}.`);
    super(`${entity}_NOT_FOUND`, message, field === undefined ? undefined : [{ field, message }]);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly title = 'Forbidden';

  constructor(detail = 'Your role does not grant this action.', code = 'FORBIDDEN') {
    super(code, detail);
  }
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly title = 'Unauthorized';

  constructor(detail = 'Authentication is required.', code = 'UNAUTHORIZED') {
    super(code, detail);
  }

  /** A request to a guarded route without `Authorization: Bearer …`. */
  static missingCredentials(): UnauthorizedError {
    return new UnauthorizedError('Send Authorization: Bearer <access token>.', 'UNAUTHORIZED');
  }

  /** An access token that does not verify or has expired. */
  static invalidToken(): UnauthorizedError {
    return new UnauthorizedError('The access token is invalid or expired.', 'INVALID_TOKEN');
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';

  constructor(code: string, detail: string, extensions?: Readonly<Record<string, unknown>>) {
    super(code, detail, undefined, extensions);
  }
}

/** 409: the record changed under the request (a deadlock, a row gone between two reads); retrying is safe. */
export class ConcurrentUpdateError extends ConflictError {
  static readonly code = 'CONCURRENT_UPDATE';

  constructor(detail = 'The record was changed concurrently; retry the request.') {
    super(ConcurrentUpdateError.code, detail);
  }
}

/**
 * 422: the request is well-formed and valid field by field, but cannot be processed as it
 * stands (an Idempotency-Key reused with another body, amounts in two currencies).
 */
export class UnprocessableEntityError extends DomainError {
  readonly status = 422;
  readonly title = 'Unprocessable content';

  constructor(code: string, detail: string, extensions?: Readonly<Record<string, unknown>>) {
    super(code, detail, undefined, extensions);
  }

  /** An Idempotency-Key sent again with another body. */
  static idempotencyKeyReused(): UnprocessableEntityError {
    return new UnprocessableEntityError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used with another request body.',
    );
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly title = 'Validation failed';

  constructor(errors: readonly FieldError[], detail?: string, code = 'VALIDATION_FAILED') {
    super(code, detail ?? `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`, errors);
  }

  static field(field: string, message: string, code?: string): ValidationError {
    return new ValidationError([{ field, message }], message, code);
  }
}

export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  readonly title = 'Precondition failed';

  constructor(detail = 'The record changed since you read it (If-Match does not match its ETag).') {
    super('PRECONDITION_FAILED', detail);
  }
}

/** The organization exists for the actor but has CRM switched off: CRM routes answer 404. */
export class CrmDisabledError extends DomainError {
  readonly status = 404;
  readonly title = 'CRM disabled';

  constructor(organizationId: string) {
    super('CRM_DISABLED', `CRM is switched off for organization ${organizationId}.`);
  }
}

/** 429: a rate limit or an account lock; the problem filter turns `retryAfterSeconds` into Retry-After. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly title = 'Too many requests';

  constructor(
    code: 'RATE_LIMITED' | 'ACCOUNT_LOCKED' | 'LOGIN_IN_PROGRESS',
    detail: string,
    retryAfterSeconds: number,
  ) {
    super(code, detail, undefined, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
  }

  /** A rate-limit policy is spent until its window resets. */
  static rateLimited(resetSeconds: number): TooManyRequestsError {
    return new TooManyRequestsError('RATE_LIMITED', `Too many requests; try again in ${resetSeconds} s.`, resetSeconds);
  }
}

/** 410: what was asked for existed once and is gone for good (events past their retention). */
export class GoneError extends DomainError {
  readonly status = 410;
  readonly title = 'Gone';

  constructor(code: string, detail: string, extensions?: Readonly<Record<string, unknown>>) {
    super(code, detail, undefined, extensions);
  }
}
