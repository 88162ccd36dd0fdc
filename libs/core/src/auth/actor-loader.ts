import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnauthorizedError } from '../errors/domain-error';
import { GrantSet } from '../permissions/grant-set';
import type { Permission } from '../permissions/permission.enum';
import { Actor } from '../tenancy/actor';
import { ActorCache } from '../tenancy/actor-cache';
import { hashApiKeySecret } from './api-key-secret';
import { sessionCacheKey } from './session.service';
import type { AccessClaims } from './token.service';

interface GrantRow {
  organization_id: string | null;
  grants: Permission[] | null;
  crm_enabled: boolean | null;
}

interface SessionGrantRow extends GrantRow {
  expires_at: Date;
}

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  grants: Permission[];
  expires_at: Date | null;
  revoked_at: Date | null;
  organization_id: string | null;
  crm_enabled: boolean | null;
}

/** A key's `lastUsedAt` is written at most this often, so busy keys do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a verified token or an API key into an actor with its memberships and grants, read
 * from the database (never from the token) and reused for a few seconds through `ActorCache`,
 * which every access change empties: a revoked session, a removed member or a downgraded role
 * takes effect on the very next request.
 */
@Injectable()
export class ActorLoader {
  private readonly keysTouchedAt = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: ActorCache,
  ) {}

  async forSession(claims: AccessClaims): Promise<Actor> {
    const cacheKey = sessionCacheKey(claims.sid);
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined && cached.id === claims.sub && cached.tenantId === claims.tid) return cached;
    const rows: SessionGrantRow[] = await this.dataSource.query(
      `SELECT m.organization_id, r.grants, o.crm_enabled, s.expires_at
         FROM auth_session s
         JOIN app_user u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
                        AND u.is_active AND u.deleted_at IS NULL
         LEFT JOIN membership m ON m.tenant_id = u.tenant_id AND m.user_id = u.id AND m.deleted_at IS NULL
         LEFT JOIN role r ON r.id = m.role_id
         LEFT JOIN organization o ON o.id = m.organization_id AND o.deleted_at IS NULL
        WHERE s.id = $1 AND s.user_id = $2 AND s.tenant_id = $3
          AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [claims.sid, claims.sub, claims.tid],
    );
    if (rows.length === 0) {
      throw new UnauthorizedError('The session has ended; log in again.', 'SESSION_REVOKED');
    }
    const { grants, crmEnabled } = grantsByOrganization(rows);
    const actor = new Actor('user', claims.sub, claims.tid, grants, claims.sid, crmEnabled);
    this.cache.set(cacheKey, actor, rows[0].expires_at.getTime() - Date.now());
    return actor;
  }

  /**
   * A service API key (`ck_…`): acts with the key's grants in the key's organizations (those
   * still existing), whoever created it. Unknown, revoked and expired keys are a 401.
   */
  async forApiKey(secret: string): Promise<Actor> {
    const hash = hashApiKeySecret(secret);
    const cacheKey = `api_key:${hash}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT k.id, k.tenant_id, k.grants, k.expires_at, k.revoked_at, o.id AS organization_id, o.crm_enabled
         FROM api_key k
         LEFT JOIN organization o ON o.id = ANY(k.organization_ids) AND o.tenant_id = k.tenant_id
                                 AND o.deleted_at IS NULL
        WHERE k.secret_hash = $1 AND k.deleted_at IS NULL`,
      [hash],
    );
    const key = rows[0];
    if (key === undefined) throw new UnauthorizedError('The API key is not valid.', 'INVALID_API_KEY');
    if (key.revoked_at !== null) throw new UnauthorizedError('The API key was revoked.', 'API_KEY_REVOKED');
    const now = Date.now();
    if (key.expires_at !== null && key.expires_at.getTime() <= now) {
      throw new UnauthorizedError('The API key has expired.', 'API_KEY_EXPIRED');
    }
    const { grants, crmEnabled } = grantsByOrganization(
      rows.map((row) => ({ organization_id: row.organization_id, grants: row.grants, crm_enabled: row.crm_enabled })),
    );
    const actor = new Actor('api_key', key.id, key.tenant_id, grants, undefined, crmEnabled);
    this.cache.set(cacheKey, actor, key.expires_at === null ? undefined : key.expires_at.getTime() - now);
    await this.touchApiKey(key.id, now);
    return actor;
  }

  private async touchApiKey(id: string, now: number): Promise<void> {
    const touchedAt = this.keysTouchedAt.get(id);
    if (touchedAt !== undefined && now - touchedAt < LAST_USED_RESOLUTION_MS) return;
    if (this.keysTouchedAt.size > 10_000) this.keysTouchedAt.clear();
    this.keysTouchedAt.set(id, now);
    // The condition keeps replicas from writing more than once a minute between them, too.
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
      [id, LAST_USED_RESOLUTION_MS / 1000],
    );
  }
}

function grantsByOrganization(rows: readonly GrantRow[]): {
  grants: Map<string, GrantSet>;
  crmEnabled: Set<string>;
} {
  const grants = new Map<string, GrantSet>();
  const crmEnabled = new Set<string>();
  for (const row of rows) {
    if (row.organization_id === null || row.crm_enabled === null) continue;
    grants.set(row.organization_id, new GrantSet(row.grants ?? []));
    if (row.crm_enabled) crmEnabled.add(row.organization_id);
  }
  return { grants, crmEnabled };
}
