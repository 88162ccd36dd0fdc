import type { INestApplication } from '@nestjs/common';
import { type Permission, RequestContext, ScopedReader } from '@clientele/core';
import { ActorLoader } from '@clientele/core/auth/actor-loader';
import type { AccessClaims } from '@clientele/core/auth/token.service';
import type { Session } from './auth-helpers';
import { jwtClaims } from './forged-tokens';

/**
 * Runs `work` with a `ScopedReader` in the scope a request of `session` to a route declaring
 * `permissions` would have: for calling a registry entry (a timeline source, a detail section)
 * the way the app does, without a route of its own.
 */
export async function readAsSession<T>(
  app: INestApplication,
  session: Session,
  permissions: readonly Permission[],
  work: (reader: ScopedReader) => Promise<T>,
): Promise<T> {
  const actor = await app.get(ActorLoader).forSession(jwtClaims(session.token) as unknown as AccessClaims);
  const reader = app.get(ScopedReader);
  return app.get(RequestContext).runAs(actor, permissions, () => work(reader));
}
