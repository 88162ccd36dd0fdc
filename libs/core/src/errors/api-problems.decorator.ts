import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
  ValidationError,
} from './domain-error';
import { Problem, PROBLEM_CONTENT_TYPE } from './problem';
import { problemFromError } from './problem-from-error';
import { uniqueConstraintProblem } from './unique-constraints';

/** The id the documented examples use where an error names a record. */
export const EXAMPLE_ID = '0b9f2a4e-5c1d-4f8e-9a7b-3c2d1e0f4a5b';

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid input: `errors` lists each field (`VALIDATION_FAILED`).',
  401: 'Missing, invalid or expired credentials.',
  403: 'Your role in this organization does not grant the action.',
  404: 'No such record in the organizations you belong to.',
  409: 'Conflicts with an existing record (a unique value is taken).',
  410: 'Gone for good: the events asked for are past their retention (`EVENTS_EXPIRED`, see `oldestSequence`).',
  412: 'If-Match does not match the current ETag.',
  413: 'The body is larger than the limit.',
  422: 'The request cannot be processed as it stands (an Idempotency-Key reused with another body).',
  429: 'Too many requests; see Retry-After.',
};

/**
 * What each status answers when a route names no error of its own: built from the very error
 * classes (and factories) the server throws, so the examples cannot drift from the real bodies.
 */
const DEFAULT_ERRORS: Readonly<Record<number, () => readonly unknown[]>> = {
  400: () => [new ValidationError([{ field: 'name', message: 'name is required' }])],
  401: () => [UnauthorizedError.missingCredentials(), UnauthorizedError.invalidToken()],
  403: () => [new ForbiddenError()],
  404: () => [new NotFoundError('ORGANIZATION', EXAMPLE_ID)],
  409: () => {
    const { code, detail } = uniqueConstraintProblem(undefined);
    return [new ConflictError(code, detail)];
  },
  412: () => [new PreconditionFailedError()],
  413: () => [{ code: 'FST_ERR_CTP_BODY_TOO_LARGE' }],
  422: () => [UnprocessableEntityError.idempotencyKeyReused()],
  429: () => [TooManyRequestsError.rateLimited(30)],
};

/** A status to document with its default example, or the error a route really throws for it. */
export type ApiProblem = number | DomainError;

/** The `examples` of one status: each error's problem document, named by its code. */
export function problemExamples(errors: readonly unknown[]): Record<string, { summary: string; value: object }> {
  const examples: Record<string, { summary: string; value: object }> = {};
  for (const error of errors) {
    const { problem } = problemFromError(error);
    examples[problem.code] = {
      summary: problem.detail,
      value: { ...problem, instance: 'req-6f1c2d' },
    };
  }
  return examples;
}

/**
 * Documents the problem+json error responses of an operation, each status with examples of the
 * bodies it really answers. Give a status to show its usual error, or the errors the route throws
 * (`new NotFoundError('CONTACT', EXAMPLE_ID)`) to show those instead for their status.
 */
export function ApiProblems(...problems: ApiProblem[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, unknown[]>();
  for (const problem of problems) {
    const status = typeof problem === 'number' ? problem : problem.status;
    const errors = byStatus.get(status) ?? [];
    if (typeof problem !== 'number') errors.push(problem);
    byStatus.set(status, errors);
  }
  return applyDecorators(
    ApiExtraModels(Problem),
    ...[...byStatus].map(([status, errors]) => {
      const shown = errors.length > 0 ? errors : (DEFAULT_ERRORS[status]?.() ?? []);
      if (shown.length === 0) throw new Error(`ApiProblems: no example error for status ${status}; pass one`);
      return ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: {
          [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(Problem) }, examples: problemExamples(shown) },
        },
      });
    }),
  );
}
