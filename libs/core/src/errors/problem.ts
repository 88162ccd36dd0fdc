import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldError {
  @ApiProperty({ example: 'primaryEmail' })
  readonly field: string;

  @ApiProperty({ example: 'primaryEmail must be an email' })
  readonly message: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export class Problem {
  @ApiProperty({ example: 'https://clientele.dev/problems/validation-failed' })
  readonly type: string;

  @ApiProperty({ example: 'Validation failed' })
  readonly title: string;

  @ApiProperty({ example: 400 })
  readonly status: number;

  @ApiProperty({ example: 'The request body has 1 invalid field.' })
  readonly detail: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code.' })
  readonly code: string;

  @ApiPropertyOptional({ type: [FieldError] })
  readonly errors?: FieldError[];

  @ApiPropertyOptional({ description: 'Request id, also in the X-Request-Id header and the logs.' })
  readonly instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `https://clientele.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}
