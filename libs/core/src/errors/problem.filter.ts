import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdempotentReplay } from '../http/idempotency';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { problemFromError } from './problem-from-error';

/**
 * Writes every error as `application/problem+json`; logs only the unexpected ones. The one
 * non-error it sees is an idempotent replay, which it answers with the stored response.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    if (error instanceof IdempotentReplay) {
      error.send(http.getResponse<FastifyReply>());
      return;
    }
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const { problem, unexpected } = problemFromError(error);
  if (unexpected) {
    logger.error({ err: error, reqId: request.id }, 'Unhandled error');
  }
  const retryAfter = (problem as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') {
    void reply.header('Retry-After', String(retryAfter));
  }
  void reply
    .status(problem.status)
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .send({ ...problem, instance: request.id });
}
