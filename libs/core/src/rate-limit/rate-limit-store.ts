/** Hits counted in the current fixed window of one key, and when that window ends. */
export interface WindowCount {
  readonly count: number;
  readonly resetInMs: number;
}

/** Where rate-limit counters live: this process's memory, or Redis shared by every replica. */
export interface RateLimitStore {
  /** Counts one hit on `key` and returns the window's count so far. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
}
