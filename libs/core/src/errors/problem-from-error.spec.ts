import { NotFoundException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ConflictError, UnprocessableEntityError, ValidationError } from './domain-error';
import { problemFromError } from './problem-from-error';
import { registerUniqueConstraint } from './unique-constraints';

function driverError(code: string, constraint?: string, column?: string): QueryFailedError {
  return new QueryFailedError(
    'SELECT secret FROM x',
    [],
    Object.assign(new Error('raw driver text'), { code, constraint, column }),
  );
}

describe('problemFromError', () => {
  it('maps a NOT NULL violation to a 400 on the column, and text PostgreSQL cannot store to a 400', () => {
    expect(problemFromError(driverError('23502', undefined, 'default_currency'))).toMatchObject({
      unexpected: false,
      problem: { status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'defaultCurrency' }] },
    });
    for (const code of ['22021', '22P05']) {
      const { problem, unexpected } = problemFromError(driverError(code));
      expect({ status: problem.status, code: problem.code, unexpected }).toEqual({
        status: 400,
        code: 'INVALID_VALUE',
        unexpected: false,
      });
      expect(JSON.stringify(problem)).not.toContain('raw driver text');
    }
  });

  it('maps a lost or refused database connection to 503 DATABASE_UNAVAILABLE with Retry-After, and nothing else', () => {
    const lost = [
      driverError('57P01'),
      driverError('08006'),
      driverError('53300'),
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('timeout exceeded when trying to connect'),
      new QueryRunnerAlreadyReleasedError(),
    ];
    for (const error of lost) {
      expect(problemFromError(error)).toMatchObject({
        unexpected: true,
        problem: { status: 503, code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 1 },
      });
    }
    expect(problemFromError(driverError('42P01')).problem.status).toBe(500);
    expect(problemFromError(new Error('Connection terminated by the user, said the code')).problem.status).toBe(500);
  });

  it('maps domain errors with their code and field errors', () => {
    const { problem } = problemFromError(ValidationError.field('email', 'email must be an email'));
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'email' }] });
    expect(problemFromError(new ConflictError('X_TAKEN', 'taken', { existingId: 'abc' })).problem).toMatchObject({
      status: 409,
      code: 'X_TAKEN',
      existingId: 'abc',
    });
  });

  it('maps the shared 422 with the body the Idempotency-Key reuse has always had', () => {
    const error = new UnprocessableEntityError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used with another request body.',
    );
    expect(problemFromError(error)).toEqual({
      unexpected: false,
      problem: {
        type: 'https://clientele.dev/problems/idempotency-key-reused',
        title: 'Unprocessable content',
        status: 422,
        detail: 'This Idempotency-Key was used with another request body.',
        code: 'IDEMPOTENCY_KEY_REUSED',
      },
    });
  });

  it('maps unique violations to 409 by constraint name, without driver text', () => {
    registerUniqueConstraint('widget_name_uq', 'WIDGET_NAME_TAKEN', 'A widget has this name.');
    const { problem, unexpected } = problemFromError(driverError('23505', 'widget_name_uq'));
    expect(problem).toMatchObject({ status: 409, code: 'WIDGET_NAME_TAKEN', detail: 'A widget has this name.' });
    expect(unexpected).toBe(false);
    expect(JSON.stringify(problem)).not.toMatch(/secret|raw driver/);
  });

  it('maps bad values to 400 and unknown failures to a generic 500', () => {
    expect(problemFromError(driverError('22P02')).problem.status).toBe(400);
    const unknown = problemFromError(new Error('SELECT password_hash FROM app_user'));
    expect(unknown).toMatchObject({ unexpected: true, problem: { status: 500, code: 'INTERNAL_ERROR' } });
    expect(JSON.stringify(unknown.problem)).not.toContain('password_hash');
  });

  it('maps unknown routes to 404', () => {
    expect(problemFromError(new NotFoundException('Cannot GET /api/x')).problem).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
