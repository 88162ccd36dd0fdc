import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { SecurityAuditAction } from '../auth/security-audit';
import { changedFields } from '../events/changed-fields';
import { type EventDefinition, EventPayloadMismatchError } from '../events/event-definition';
import { ALL_PERMISSIONS } from '../permissions/permission.enum';
import { GrantSet } from '../permissions/grant-set';
import { AccessScope } from '../tenancy/access-scope';
import type { Permission } from '../permissions/permission.enum';
import { OrganizationPair } from '../tenancy/organization-pair';
import { Actor } from '../tenancy/actor';
import { ActorCache } from '../tenancy/actor-cache';
import { RequestContext } from '../tenancy/request-context';
import { ScopedRepository } from '../tenancy/scoped-repository';
import { entitySnapshot } from './entity-snapshot';

/** What `tx.publish` is told about a change; `before`/`after` are the entity's snapshots. */
export interface Publication<T> {
  readonly entityId: string;
  readonly organizationId: string | null;
  /** Null or left out for a creation. */
  readonly before?: T | null;
  /** Null or left out for a deletion. */
  readonly after?: T | null;
}

/**
 * An audit-only entry: security events (logins, MFA, password changes) are not domain changes
 * for webhook and event-stream consumers, and carry IP addresses. They do not invalidate cached
 * actors by themselves either (a handler that ends sessions does that).
 */
export interface AuditOnlyEntry {
  /** `<entity>.<verb>`, one of `SecurityAudit`: `user.logged_in`, `user.mfa_enabled`, … */
  readonly action: SecurityAuditAction;
  readonly entity: string;
  readonly entityId: string | null;
  readonly organizationId: string | null;
  readonly details?: Record<string, unknown>;
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

  /**
   * The same transaction seeing every organization the actor is a member of, with the route's
   * grants: for a command between two organizations of the tenant (moving a ticket), where the
   * request's one organization (the body's `organizationId`, the target) would hide the record's
   * own. Each record is still checked where it lives: visible or 404, granted or 403.
   */
  acrossMemberships(): Transaction {
    const { actor, permissions } = this.scope;
    return new Transaction(this.manager, new AccessScope(actor, permissions), this.requestId, this.ifMatch);
  }

  /**
   * Work across two organizations of the actor's tenant at once (moving one's CRM into the
   * other): each must be visible to the request (else 404, before any 403) and hold every one of
   * `permissions` (else 403). The pair's statements are bound to the tenant and both
   * organizations (see `OrganizationPair`).
   */
  acrossOrganizations(
    sourceOrganizationId: string,
    targetOrganizationId: string,
    permissions: readonly Permission[],
  ): OrganizationPair {
    const organizations = [sourceOrganizationId, targetOrganizationId];
    for (const organizationId of organizations) this.scope.assertGranted(organizationId, []);
    for (const organizationId of organizations) {
      for (const permission of permissions) this.scope.assertGranted(organizationId, [permission]);
    }
    return new OrganizationPair(
      this.manager,
      this.scope.tenantId,
      sourceOrganizationId,
      targetOrganizationId,
      this.scope.actor.authorId,
    );
  }

  /** Sets a PostgreSQL setting for the rest of the transaction (`SET LOCAL`). */
  async setLocal(name: string, value: string | number): Promise<void> {
    await this.manager.query('SELECT set_config($1, $2, true)', [name, String(value)]);
  }

  /**
   * Publishes a typed event: the outbox row and its audit entry, in one statement of the writing
   * transaction. The payload is checked against the event's schema (a mismatch is a bug: the
   * transaction fails). The outbox row gets its feed `sequence` after commit (`OutboxSequencer`).
   * Returns the event's id.
   */
  async publish<T>(event: EventDefinition<T>, change: Publication<T>): Promise<string> {
    const data = change.after ?? null;
    const previous = change.before ?? null;
    const problems = [data, previous].flatMap((value) => (value === null ? [] : event.schema.problems(value)));
    if (problems.length > 0) throw new EventPayloadMismatchError(event.type, problems);
    if (ACCESS_ENTITIES.has(event.entity)) this.accessChanged = true;
    const actor = this.scope.actor;
    const id = randomUUID();
    await this.manager.query(
      `WITH audit AS (
         INSERT INTO audit_entry (tenant_id, organization_id, actor_type, actor_id, action, entity, entity_id, before, after, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       )
       INSERT INTO outbox_event (id, tenant_id, organization_id, type, version, entity, entity_id, data, previous, changed_fields, actor_type, actor_id, request_id)
       VALUES ($11, $1, $2, $5, $12, $6, $7, $9, $8, $13, $3, $4, $10)`,
      [
        actor.tenantId,
        change.organizationId,
        actor.type,
        actor.authorId,
        event.type,
        event.entity,
        change.entityId,
        previous,
        data,
        this.requestId ?? null,
        id,
        event.version,
        data === null || previous === null ? null : changedFields(previous, data),
      ],
    );
    return id;
  }

  /** Writes an audit-only entry (no outbox event): see `AuditOnlyEntry`. */
  async audit(entry: AuditOnlyEntry): Promise<void> {
    const actor = this.scope.actor;
    await this.manager.query(
      `INSERT INTO audit_entry (tenant_id, organization_id, actor_type, actor_id, action, entity, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9)`,
      [
        actor.tenantId,
        entry.organizationId,
        actor.type,
        actor.authorId,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.details === undefined ? null : entitySnapshot(this.manager, entry.details),
        this.requestId ?? null,
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
