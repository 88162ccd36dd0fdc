import { describe, expect, it } from 'vitest';
import { GuardedClient } from './guarded-client';
import { PreparingClient } from './prepared-statements';

describe('GuardedClient', () => {
  it('survives an error event nobody else listens for, as PostgreSQL ending a released session sends', () => {
    for (const client of [new GuardedClient(), new PreparingClient()]) {
      const error = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      expect(client.emit('error', error)).toBe(true);
      expect(client.listenerCount('error')).toBe(1);
    }
  });
});
