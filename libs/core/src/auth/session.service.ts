import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { UnauthorizedError } from '../errors/domain-error';
import { ActorCache } from '../tenancy/actor-cache';
import { unscopedRepository } from '../tenancy/unscoped-repository';
import { AuthErrors } from './auth-errors';
import { AuthSessionEntity } from './entities/auth-session.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { hashRefreshToken, TokenService } from './token.service';

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly tokenType: 'Bearer';
  readonly sessionId: string;
  readonly userId: string;
  /** Seconds until the session's absolute end: the refresh cookie lives no longer. */
  readonly refreshExpiresIn: number;
}

interface RotationOutcome {
  readonly issued?: IssuedTokens;
  readonly refused?: UnauthorizedError;
  readonly revokedSessionId?: string;
}

/** The cache key of a session's actor (see `ActorLoader`). */
export function sessionCacheKey(sessionId: string): string {
  return `session:${sessionId}`;
}

export interface ClientInfo {
  readonly userAgent?: string;
  readonly ip?: string;
}

/**
 * Login sessions and their refresh tokens. Rotation retires the presented token; presenting a
 * retired one means it was stolen or replayed, so the whole session (family) is revoked.
 * A session ends at its absolute expiry (`REFRESH_TOKEN_TTL_SECONDS` after login) or when its
 * refresh token goes unused for `SESSION_IDLE_TIMEOUT_SECONDS`, whichever comes first.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly actors: ActorCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get refreshTokenTtlSeconds(): number {
    return this.config.auth.refreshTokenTtlSeconds;
  }

  async open(
    manager: EntityManager,
    user: { id: string; tenantId: string },
    client: ClientInfo,
  ): Promise<IssuedTokens> {
    const now = new Date();
    const session = await unscopedRepository(manager, AuthSessionEntity).save({
      tenantId: user.tenantId,
      userId: user.id,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenTtlSeconds * 1000),
      revokedAt: null,
      revokedReason: null,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      ip: client.ip ?? null,
    });
    return this.issue(manager, session);
  }

  async rotate(refreshToken: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<RotationOutcome> => {
      const tokens = unscopedRepository(manager, RefreshTokenEntity);
      const presented = await tokens
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :hash', { hash: hashRefreshToken(refreshToken) })
        .getOne();
      if (presented === null) return { refused: invalidRefreshToken() };
      const sessions = unscopedRepository(manager, AuthSessionEntity);
      const session = await sessions.findOneBy({ id: presented.sessionId, revokedAt: IsNull() });
      if (session === null) return { refused: invalidRefreshToken() };
      const now = new Date();
      if (session.expiresAt <= now) {
        await sessions.update({ id: session.id }, { revokedAt: now, revokedReason: 'expired' });
        return { revokedSessionId: session.id, refused: sessionExpired('The session reached its maximum lifetime') };
      }
      if (presented.retiredAt !== null) {
        await sessions.update({ id: session.id }, { revokedAt: now, revokedReason: 'refresh_token_reuse' });
        return {
          revokedSessionId: session.id,
          refused: new UnauthorizedError(
            'This refresh token was already used; every session token descended from it is revoked.',
            'REFRESH_TOKEN_REUSED',
          ),
        };
      }
      if (now.getTime() - session.lastUsedAt.getTime() >= this.config.auth.sessionIdleTimeoutSeconds * 1000) {
        await sessions.update({ id: session.id }, { revokedAt: now, revokedReason: 'idle_timeout' });
        return { revokedSessionId: session.id, refused: sessionExpired('The session was idle for too long') };
      }
      await tokens.update({ id: presented.id }, { retiredAt: now });
      await sessions.update({ id: session.id }, { lastUsedAt: now });
      return { issued: await this.issue(manager, session) };
    });
    if (outcome.revokedSessionId !== undefined) this.actors.forget(sessionCacheKey(outcome.revokedSessionId));
    // Thrown after commit, so a family's revocation is not rolled back with the error.
    if (outcome.issued === undefined) throw outcome.refused ?? invalidRefreshToken();
    return outcome.issued;
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await unscopedRepository(this.dataSource.manager, AuthSessionEntity).update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    this.actors.forget(sessionCacheKey(sessionId));
  }

  /** Ends every other session of the user (after a password change); `keep` stays signed in. */
  async revokeOthers(
    manager: EntityManager,
    user: { id: string; tenantId: string },
    keep: string | undefined,
    reason: string,
  ): Promise<number> {
    const update = unscopedRepository(manager, AuthSessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('tenant_id = :tenantId AND user_id = :userId AND revoked_at IS NULL', {
        tenantId: user.tenantId,
        userId: user.id,
      });
    if (keep !== undefined) update.andWhere('id <> :keep', { keep });
    const result = await update.execute();
    return result.affected ?? 0;
  }

  private async issue(manager: EntityManager, session: AuthSessionEntity): Promise<IssuedTokens> {
    const refresh = this.tokens.newRefreshToken();
    await unscopedRepository(manager, RefreshTokenEntity).insert({ sessionId: session.id, tokenHash: refresh.hash });
    return {
      accessToken: this.tokens.signAccessToken({ sub: session.userId, tid: session.tenantId, sid: session.id }),
      refreshToken: refresh.token,
      expiresIn: this.tokens.accessTokenTtlSeconds,
      tokenType: 'Bearer',
      sessionId: session.id,
      userId: session.userId,
      refreshExpiresIn: Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000)),
    };
  }
}

function invalidRefreshToken(): UnauthorizedError {
  return AuthErrors.invalidRefreshToken();
}

function sessionExpired(why: string): UnauthorizedError {
  return new UnauthorizedError(`${why}; log in again.`, 'SESSION_EXPIRED');
}
