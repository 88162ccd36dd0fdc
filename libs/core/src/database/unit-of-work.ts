import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { ALL_PERMISSIONS } from '../permissions/permission.enum';
import { GrantSet } from '../permissions/grant-set';
import { AccessScope } from '../tenancy/access-scope';
import { Actor } from '../tenancy/actor';
import { ActorCache } from '../tenancy/actor-cache';
import { RequestContext } from '../tenancy/request-context';
import { ScopedRepository } from '../tenancy/scoped-repository';
import { entitySnapshot } from './entity-snapshot';

/** A change to record: one audit entry and one outbox event, in the writing transaction. */
export interface Change {
  /** `<entity>.<verb>`: `contact.created`, `organization.member_added`, … */
  readonly type: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly organizationId: string | null;
  readonly before?: ObjectLiteral | null;
  readonly after?: ObjectLiteral | null;
  /**
   * Security events (logins, MFA, password changes) go to the audit log only: they are not
   * domain changes for webhook and event-stream consumers, and carry IP addresses. They do not
   * invalidate cached actors by themselves either (a handler that ends sessions does that).
   */
  readonly auditOnly?: boolean;
}

/** Entities whose changes alter who may do what: cached actors of the tenant are dropped on commit. */
const ACCESS_ENTITIES: ReadonlySet<string> = new Set([
  'tenant',
  'organization',
  'user',
  'membership',
  'role',
  'api_key',
  'auth_session',
]);

/** The writing side of one command: scoped repositories on the transaction's manager. */
export class Transaction {
  /** Set when a recorded change alters access, so the unit of work invalidates cached actors. */
  accessChanged = false;

  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
    private readonly requestId: string | undefined,
    private readonly ifMatch: readonly string[] | undefined,
  ) {}

  repository<T extends ObjectLiteral & { id: string; tenantId: string | null }>(
    target: EntityTarget<T>,
  ): ScopedRepository<T> {
    return new ScopedRepository(this.manager, target, this.scope, this.ifMatch);
  }

  /**
   * The transaction's manager without any scope: the one escape hatch, for identity and access
   * code that works across the tenant boundary by design (sign-up, login, sessions, memberships).
   * Domain modules never call it (lint forbids `.manager` in them); `git grep unscopedManager`
   * lists every use.
   */
  unscopedManager(): EntityManager {
    return this.manager;
  }

  /**
   * The same transaction acting inside an organization it has just created, which is in no
   * one's grants until its first membership is read back: for the steps that give a new
   * organization its first records (`OrganizationCreationSteps`), through scoped repositories.
   */
  inNewOrganization(organizationId: string): Transaction {
    const { actor } = this.scope;
    const grants = new Map(actor.grants).set(organizationId, new GrantSet(ALL_PERMISSIONS));
    const inside = new Actor(actor.type, actor.id, actor.tenantId, grants, actor.sessionId);
    return new Transaction(this.manager, new AccessScope(inside, [], organizationId), this.requestId, undefined);
  }

  /** An entity's column values as plain JSON for audit entries and events (secrets left out). */
  snapshot(entity: ObjectLiteral): Record<string, unknown> {
    return entitySnapshot(this.manager, entity);
  }

  /** Sets a PostgreSQL setting for the rest of the transaction (`SET LOCAL`). */
  async setLocal(name: string, value: string | number): Promise<void> {
    await this.manager.query('SELECT set_config($1, $2, true)', [name, String(value)]);
  }

  /** Writes the audit entry and (unless audit-only) the outbox event of a change, in one statement. */
  async record(change: Change): Promise<void> {
    const before = change.before == null ? null : entitySnapshot(this.manager, change.before);
    const after = change.after == null ? null : entitySnapshot(this.manager, change.after);
    const actor = this.scope.actor;
    if (ACCESS_ENTITIES.has(change.entity) && change.auditOnly !== true) this.accessChanged = true;
    const actorId = actor.type === 'system' || actor.type === 'anonymous' ? null : actor.id;
    const evented = change.auditOnly !== true;
    const payload = { id: change.entityId, organizationId: change.organizationId, before, after };
    // One statement: the audit entry always, the outbox event unless the change is audit-only.
    await this.manager.query(
      `WITH audit AS (
         INSERT INTO audit_entry (tenant_id, organization_id, actor_type, actor_id, action, entity, entity_id, before, after, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       )
       INSERT INTO outbox_event (id, tenant_id, organization_id, type, entity, entity_id, payload)
       SELECT $11::uuid, $1::uuid, $2::uuid, $5::text, $6::text, $7::uuid, $12::jsonb WHERE $13::boolean`,
      [
        actor.tenantId,
        change.organizationId,
        actor.type,
        actorId,
        change.type,
        change.entity,
        change.entityId,
        before,
        after,
        this.requestId ?? null,
        randomUUID(),
        payload,
        evented,
      ],
    );
  }
}

/**
 * One transaction per command: the entity writes, their audit entries and outbox events
 * commit together or not at all.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
    private readonly actors: ActorCache,
  ) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.inScope(this.context.scope(), work);
  }

  /** For writes made before an actor exists in the request (signup): `actor` acts, unrestricted. */
  runAs<T>(actor: Actor, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.inScope(new AccessScope(actor, []), work);
  }

  private async inScope<T>(scope: AccessScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
    let accessChanged = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = new Transaction(manager, scope, this.context.requestId(), this.context.ifMatch());
      const value = await work(tx);
      accessChanged = tx.accessChanged;
      return value;
    });
    // After commit, never before: a request between invalidation and commit would cache the old grants.
    if (accessChanged) this.actors.tenantChanged(scope.tenantId);
    return result;
  }
}

/** The reading side: scoped repositories outside a transaction. */
@Injectable()
export class ScopedReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  repository<T extends ObjectLiteral & { id: string; tenantId: string | null }>(
    target: EntityTarget<T>,
  ): ScopedRepository<T> {
    return new ScopedRepository(this.dataSource.manager, target, this.context.scope());
  }

  /** The request's access scope, for queries that check it themselves. */
  scope(): AccessScope {
    return this.context.scope();
  }

  /** The manager without any scope: the readers' escape hatch, as `Transaction.unscopedManager`. */
  unscopedManager(): EntityManager {
    return this.dataSource.manager;
  }
}
