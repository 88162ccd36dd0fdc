import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnauthorizedError } from '../errors/domain-error';
import { GrantSet } from '../permissions/grant-set';
import type { Permission } from '../permissions/permission.enum';
import { Actor } from '../tenancy/actor';
import type { AccessClaims } from './token.service';

interface GrantRow {
  organization_id: string | null;
  grants: Permission[] | null;
  crm_enabled: boolean | null;
}

/**
 * Resolves a verified token into an actor with its memberships and grants, read from the
 * database on every request so a revoked session, a removed member or a downgraded role
 * takes effect on the very next request.
 */
@Injectable()
export class ActorLoader {
  constructor(private readonly dataSource: DataSource) {}

  async forSession(claims: AccessClaims): Promise<Actor> {
    const rows: GrantRow[] = await this.dataSource.query(
      `SELECT m.organization_id, r.grants, o.crm_enabled
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
    const grants = new Map<string, GrantSet>();
    const crmEnabled = new Set<string>();
    for (const row of rows) {
      if (row.organization_id === null || row.crm_enabled === null) continue;
      grants.set(row.organization_id, new GrantSet(row.grants ?? []));
      if (row.crm_enabled) crmEnabled.add(row.organization_id);
    }
    return new Actor('user', claims.sub, claims.tid, grants, claims.sid, crmEnabled);
  }
}
