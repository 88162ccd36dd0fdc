import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { UnauthorizedError } from '../errors/domain-error';
import { unscopedRepository } from '../tenancy/unscoped-repository';
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
}

export interface ClientInfo {
  readonly userAgent?: string;
  readonly ip?: string;
}

/**
 * Login sessions and their refresh tokens. Rotation retires the presented token; presenting a
 * retired one means it was stolen or replayed, so the whole session (family) is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
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

  rotate(refreshToken: string): Promise<IssuedTokens> {
    return this.dataSource
      .transaction(async (manager) => {
        const tokens = unscopedRepository(manager, RefreshTokenEntity);
        const presented = await tokens
          .createQueryBuilder('token')
          .setLock('pessimistic_write')
          .where('token.tokenHash = :hash', { hash: hashRefreshToken(refreshToken) })
          .getOne();
        if (presented === null) throw invalidRefreshToken();
        const sessions = unscopedRepository(manager, AuthSessionEntity);
        const session = await sessions.findOneBy({ id: presented.sessionId, revokedAt: IsNull() });
        if (session === null || session.expiresAt <= new Date()) throw invalidRefreshToken();
        if (presented.retiredAt !== null) {
          await sessions.update({ id: session.id }, { revokedAt: new Date(), revokedReason: 'refresh_token_reuse' });
          return null;
        }
        await tokens.update({ id: presented.id }, { retiredAt: new Date() });
        await sessions.update({ id: session.id }, { lastUsedAt: new Date() });
        return this.issue(manager, session);
      })
      .then((issued) => {
        // Thrown after commit so the family's revocation is not rolled back with the error.
        if (issued === null) {
          throw new UnauthorizedError(
            'This refresh token was already used; every session token descended from it is revoked.',
            'REFRESH_TOKEN_REUSED',
          );
        }
        return issued;
      });
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await unscopedRepository(this.dataSource.manager, AuthSessionEntity).update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
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
    };
  }
}

function invalidRefreshToken(): UnauthorizedError {
  return new UnauthorizedError('The refresh token is invalid, expired or revoked.', 'INVALID_REFRESH_TOKEN');
}
