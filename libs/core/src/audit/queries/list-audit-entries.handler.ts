import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Brackets } from 'typeorm';
import { ScopedReader } from '../../database/unit-of-work';
import { escapeLike } from '../../database/escape-like';
import { ValidationError } from '../../errors/domain-error';
import type { Page } from '../../pagination/page';
import { paginate } from '../../pagination/paginate';
import { AuditEntryEntity } from '../audit-entry.entity';
import { ListAuditEntriesQuery } from './list-audit-entries.query';

/**
 * The tenant's audit trail, newest first. Organization entries show only for organizations
 * where the actor holds AUDIT_VIEW; tenant-wide entries (users, logins, roles, API keys) show
 * to anyone holding AUDIT_VIEW somewhere, unless the request names one organization, and only
 * when every user they name is the viewer or a member of an organization where the viewer holds
 * AUDIT_VIEW.
 */
/** SQL: the user in `column` is the viewer or a member of one of `:organizationIds`. */
function visibleUser(column: string): string {
  return (
    `(${column} = :viewerId OR EXISTS (SELECT 1 FROM membership visible_member ` +
    `WHERE visible_member.user_id = ${column} AND visible_member.organization_id = ANY(:organizationIds)))`
  );
}

@QueryHandler(ListAuditEntriesQuery)
export class ListAuditEntriesHandler implements IQueryHandler<ListAuditEntriesQuery, Page<AuditEntryEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListAuditEntriesQuery): Promise<Page<AuditEntryEntity>> {
    const manager = this.reader.unscopedManager();
    const scope = this.reader.scope();
    // The scoped query would drop tenant-wide rows (organization_id IS NULL), so the tenant and
    // organization predicates are spelled out here instead.
    const qb = manager
      .createQueryBuilder(AuditEntryEntity, 'audit')
      .where('audit.tenantId = :tenantId', { tenantId: scope.tenantId })
      .andWhere(
        new Brackets((where) => {
          where.where('audit.organizationId = ANY(:organizationIds)', {
            organizationIds: scope.grantedOrganizationIds,
          });
          if (scope.organizationId === undefined) {
            // A tenant-wide entry names users (its actor, its subject); it shows only when each
            // is the viewer or a member of an organization the viewer audits. A user of another
            // organization alone (their signup, logins) stays out of this viewer's trail.
            where.orWhere(
              new Brackets((tenantWide) => {
                tenantWide
                  .where('audit.organizationId IS NULL')
                  .andWhere(`(audit.actorType <> 'user' OR audit.actorId IS NULL OR ${visibleUser('audit.actor_id')})`)
                  .andWhere(`(audit.entity <> 'user' OR audit.entityId IS NULL OR ${visibleUser('audit.entity_id')})`);
              }),
            );
          }
        }),
      )
      .setParameter('viewerId', scope.actor.type === 'user' ? scope.actor.id : null);
    if (params.actorId !== undefined) qb.andWhere('audit.actorId = :actorId', { actorId: params.actorId });
    if (params.actorType !== undefined) qb.andWhere('audit.actorType = :actorType', { actorType: params.actorType });
    if (params.entity !== undefined) qb.andWhere('audit.entity = :entity', { entity: params.entity });
    if (params.entityId !== undefined) qb.andWhere('audit.entityId = :entityId', { entityId: params.entityId });
    if (params.action?.endsWith('.*') === true) {
      qb.andWhere(`audit.action LIKE :actionPrefix`, { actionPrefix: `${escapeLike(params.action.slice(0, -1))}%` });
    } else if (params.action !== undefined) {
      qb.andWhere('audit.action = :action', { action: params.action });
    }
    if (params.from !== undefined && params.to !== undefined && new Date(params.from) >= new Date(params.to)) {
      throw ValidationError.field('to', 'to must be after from');
    }
    if (params.from !== undefined) qb.andWhere('audit.createdAt >= :from', { from: params.from });
    if (params.to !== undefined) qb.andWhere('audit.createdAt < :to', { to: params.to });
    return paginate(qb, params, { createdAt: 'createdAt' }, '-createdAt');
  }
}
