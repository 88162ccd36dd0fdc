import { HttpException, HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { ConcurrentUpdateError, DomainError } from './domain-error';
import { type FieldError, type Problem, problemType } from './problem';
import { uniqueConstraintProblem } from './unique-constraints';

interface DriverError {
  code?: string;
  constraint?: string;
  column?: string;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
}

const FASTIFY_ERRORS: Readonly<Record<string, { status: number; code: string; title: string; detail: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_JSON',
    title: 'Malformed JSON',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_JSON',
    title: 'Malformed JSON',
    detail: 'The request body is empty but its content type is application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    title: 'Payload too large',
    detail: 'The request body exceeds the size limit.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported media type',
    detail: 'Send the request body as application/json.',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'BAD_URL',
    title: 'Bad request',
    detail: 'The URL has a component that is not valid percent-encoded UTF-8.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'URI_TOO_LONG',
    title: 'URI too long',
    detail: 'A path parameter of the URL is too long.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    title: 'Bad request',
    detail: 'Content-Length does not match the body.',
  },
};

const SQL_STATE_PROBLEMS: Readonly<Record<string, { status: number; code: string; title: string; detail: string }>> = {
  '22P02': { status: 400, code: 'INVALID_VALUE', title: 'Bad request', detail: 'A value has an invalid format.' },
  '22003': {
    status: 400,
    code: 'VALUE_OUT_OF_RANGE',
    title: 'Bad request',
    detail: 'A numeric value is out of range.',
  },
  '22001': { status: 400, code: 'VALUE_TOO_LONG', title: 'Bad request', detail: 'A value is too long.' },
  '22007': {
    status: 400,
    code: 'INVALID_VALUE',
    title: 'Bad request',
    detail: 'A date or time has an invalid format.',
  },
  '22008': { status: 400, code: 'INVALID_VALUE', title: 'Bad request', detail: 'A date or time is out of range.' },
  '23503': {
    status: 400,
    code: 'INVALID_REFERENCE',
    title: 'Bad request',
    detail: 'A referenced record does not exist.',
  },
  '23514': { status: 400, code: 'INVALID_VALUE', title: 'Bad request', detail: 'A value breaks a rule of the record.' },
  // Text PostgreSQL cannot store (NUL in text or jsonb); the text-input rule refuses it earlier.
  '22021': {
    status: 400,
    code: 'INVALID_VALUE',
    title: 'Bad request',
    detail: 'A text value has an invalid character.',
  },
  '22P05': {
    status: 400,
    code: 'INVALID_VALUE',
    title: 'Bad request',
    detail: 'A text value has an invalid character.',
  },
  '40001': {
    status: 409,
    code: ConcurrentUpdateError.code,
    title: 'Conflict',
    detail: 'The record was changed concurrently; retry the request.',
  },
  '40P01': {
    status: 409,
    code: ConcurrentUpdateError.code,
    title: 'Conflict',
    detail: 'The record was changed concurrently; retry the request.',
  },
};

const HTTP_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

export interface ProblemResult {
  readonly problem: Problem & Record<string, unknown>;
  /** True when the error is ours to log as a fault (a 5xx). */
  readonly unexpected: boolean;
}

function build(
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: readonly FieldError[],
  extensions?: Readonly<Record<string, unknown>>,
): Problem & Record<string, unknown> {
  return {
    ...extensions,
    type: problemType(code),
    title,
    status,
    detail,
    code,
    ...(errors === undefined ? {} : { errors: [...errors] }),
  };
}

/**
 * The single mapping from anything thrown to an RFC 9457 problem. Driver and framework
 * messages never pass through: only our own titles, details and codes reach a client.
 */
export function problemFromError(error: unknown): ProblemResult {
  if (error instanceof DomainError) {
    return {
      problem: build(error.status, error.code, error.title, error.detail, error.errors, error.extensions),
      unexpected: false,
    };
  }
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as DriverError;
    if (driverError.code === '23505') {
      const { code, detail } = uniqueConstraintProblem(driverError.constraint);
      return { problem: build(409, code, 'Conflict', detail), unexpected: false };
    }
    if (driverError.code === '23502' && driverError.column !== undefined) {
      // A DTO let `null` through for a required column: still the client's input, so a 400 on it.
      const field = camelCase(driverError.column);
      return {
        problem: build(400, 'VALIDATION_FAILED', 'Validation failed', `${field} must not be null.`, [
          { field, message: `${field} must not be null` },
        ]),
        unexpected: false,
      };
    }
    const known = driverError.code === undefined ? undefined : SQL_STATE_PROBLEMS[driverError.code];
    if (known !== undefined) {
      return { problem: build(known.status, known.code, known.title, known.detail), unexpected: false };
    }
  }
  if (error instanceof HttpException && error.cause !== undefined) {
    // Nest wraps Fastify's own errors (malformed JSON, body too large) with them as the cause.
    const wrapped = problemFromError(error.cause);
    if (!wrapped.unexpected) return wrapped;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR');
    const detail =
      status === 404 ? 'No route or resource matches this request.' : status >= 500 ? 'Internal error.' : error.message;
    return {
      problem: build(status, code, titleFor(status), detail),
      unexpected: status >= 500,
    };
  }
  if (isDatabaseUnavailable(error)) {
    // Logged (an operator wants to know), but the client's answer is: retry in a moment.
    return {
      problem: build(
        503,
        'DATABASE_UNAVAILABLE',
        'Service unavailable',
        'The database cannot be reached right now; retry in a moment. A write answered this may or may not have been saved: retry it with the same Idempotency-Key.',
        undefined,
        { retryAfterSeconds: 1 },
      ),
      unexpected: true,
    };
  }
  const fastify = error as FastifyLikeError;
  const known = typeof fastify.code === 'string' ? FASTIFY_ERRORS[fastify.code] : undefined;
  if (known !== undefined) {
    return { problem: build(known.status, known.code, known.title, known.detail), unexpected: false };
  }
  if (error instanceof SyntaxError && fastify.statusCode === 400) {
    const malformed = FASTIFY_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY;
    return { problem: build(400, malformed.code, malformed.title, malformed.detail), unexpected: false };
  }
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const status = fastify.statusCode;
    return {
      problem: build(status, HTTP_CODES[status] ?? 'BAD_REQUEST', titleFor(status), titleFor(status) + '.'),
      unexpected: false,
    };
  }
  return {
    problem: build(500, 'INTERNAL_ERROR', 'Internal server error', 'An unexpected error occurred.'),
    unexpected: true,
  };
}

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function titleFor(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (name === undefined) return status >= 500 ? 'Internal server error' : 'Bad request';
  const words = name.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
