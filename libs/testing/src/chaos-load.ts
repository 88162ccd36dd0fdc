import type TestAgent from 'supertest/lib/agent';
import { bearer, type Session } from './auth-helpers';
import { unique } from './factories';

/** One request of a load run: when it started and ended (ms since the run began) and its answer. */
export interface LoadSample {
  readonly kind: 'read' | 'write';
  readonly startedAt: number;
  readonly endedAt: number;
  /** 0 when no HTTP answer came (connection refused or reset). */
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

export interface LoadRun {
  /** Ms since the run began. */
  now(): number;
  /** Ids of the contacts whose create answered 2xx. */
  readonly acknowledged: string[];
  readonly samples: LoadSample[];
  /** Stops starting requests and waits for those in flight. */
  stop(): Promise<void>;
}

export interface LoadOptions {
  readonly workers: number;
  /** Every write sends these tags (all of them link, or the create fails as a whole). */
  readonly tagIds?: readonly string[];
  /** Share of requests that are writes, 0–1. */
  readonly writeShare: number;
  readonly timeoutMs?: number;
}

/**
 * A steady load of authenticated contact reads (`GET /api/crm/contacts`) and writes
 * (`POST /api/crm/contacts`), `workers` requests in flight at all times, every answer kept.
 */
export function startContactLoad(http: TestAgent, session: Session, options: LoadOptions): LoadRun {
  const began = Date.now();
  const now = (): number => Date.now() - began;
  const samples: LoadSample[] = [];
  const acknowledged: string[] = [];
  let stopping = false;
  let sequence = 0;
  const send = async (write: boolean): Promise<Pick<LoadSample, 'status' | 'contentType' | 'body'>> => {
    try {
      const request = write
        ? http
            .post('/api/crm/contacts')
            .set(bearer(session))
            .send({ firstName: 'Load', lastName: unique('L'), tagIds: options.tagIds ?? [] })
        : http.get('/api/crm/contacts?limit=5').set(bearer(session));
      const response = await request.timeout(options.timeoutMs ?? 15_000);
      const body = response.body as unknown;
      if (write && response.status >= 200 && response.status < 300) acknowledged.push((body as { id: string }).id);
      return { status: response.status, contentType: String(response.headers['content-type'] ?? ''), body };
    } catch (error) {
      // No HTTP answer: the connection was refused or reset.
      return { status: 0, contentType: '', body: (error as Error).message };
    }
  };
  const worker = async (): Promise<void> => {
    while (!stopping) {
      sequence += 1;
      const write = (sequence * 7919) % 100 < options.writeShare * 100;
      const startedAt = now();
      const answer = await send(write);
      samples.push({ kind: write ? 'write' : 'read', startedAt, endedAt: now(), ...answer });
    }
  };
  const running = Array.from({ length: options.workers }, () => worker());
  return {
    now,
    acknowledged,
    samples,
    stop: async () => {
      stopping = true;
      await Promise.all(running);
    },
  };
}
