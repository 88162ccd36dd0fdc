import type { Redis } from 'ioredis';
import type { RateLimitStore, WindowCount } from './rate-limit-store';

/**
 * Fixed window in one atomic step: the first hit of a window creates the counter with its
 * expiry, so replicas sharing Redis share the count and no window outlives its length.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }`;

export class RedisRateLimitStore implements RateLimitStore {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const reply = await this.redis.eval(HIT_SCRIPT, 1, key, String(windowMs));
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
      throw new Error('Unexpected reply from the rate-limit script');
    }
    return { count: reply[0], resetInMs: reply[1] };
  }
}
