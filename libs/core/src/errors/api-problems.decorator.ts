import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Problem, PROBLEM_CONTENT_TYPE } from './problem';

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid input: `errors` lists each field (`VALIDATION_FAILED`).',
  401: 'Missing, invalid or expired credentials.',
  403: 'Your role in this organization does not grant the action.',
  404: 'No such record in the organizations you belong to.',
  409: 'Conflicts with an existing record (a unique value is taken).',
  410: 'Gone for good: the events asked for are past their retention (`EVENTS_EXPIRED`, see `oldestSequence`).',
  412: 'If-Match does not match the current ETag.',
  413: 'The body is larger than the limit.',
  429: 'Too many requests; see Retry-After.',
};

/** Documents the problem+json error responses of an operation. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(Problem),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(Problem) } } },
      }),
    ),
  );
}
