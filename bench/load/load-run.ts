/** One bounded autocannon run, as sent to the load worker process. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LoadSpec {
  readonly url: string;
  readonly requests: readonly LoadRequest[];
  readonly connections: number;
  readonly durationSeconds: number;
  /** Replace `[<id>]` in bodies with a fresh id per request (unique e-mails on create). */
  readonly idReplacement: boolean;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly durationSeconds: number;
  readonly statusCodes: Readonly<Record<string, number>>;
}

/** Latency of requests sent one at a time, before the load: what one request costs on an idle server. */
export interface SerialLatency {
  readonly medianMs: number;
  readonly samples: number;
}
