import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Transaction } from '../database/unit-of-work';
import { NotFoundError } from '../errors/domain-error';
import type { ScopedRepository } from './scoped-repository';

/**
 * A many-to-many table between an organization's record (the owner: a contact, a customer, a
 * deal) and what it links to (the target: a tag, a user, a contact). Its rows are
 * `(tenant_id, organization_id, <ownerColumn>, <targetColumn>)`, keyed in that order, with
 * composite foreign keys to both sides that name the tenant (and, for a target of the
 * organization, the organization): a link across tenants or organizations cannot be stored.
 */
export interface LinkDefinition {
  readonly table: string;
  readonly ownerColumn: string;
  readonly targetColumn: string;
}

/** The record a link hangs from, as loaded: the link takes its tenant and its organization. */
export interface LinkOwner {
  readonly id: string;
  readonly tenantId: string;
  readonly organizationId: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Writes and reads one link table, the one way every many-to-many does (TypeORM's join-table
 * writes would not set the tenant and organization). Writes stamp the request's tenant and the
 * owner's organization, after checking both against the request's scope; the database's keys
 * then refuse a target outside them. Reads go through the target's scoped repository, or put
 * `linkedTo` into a correlated subquery of the owner's own statement.
 */
export class Link implements LinkDefinition {
  readonly table: string;
  readonly ownerColumn: string;
  readonly targetColumn: string;
  /** `contact_id` → `CONTACT`: a refused owner is a 404 of its kind. */
  private readonly ownerEntity: string;

  constructor({ table, ownerColumn, targetColumn }: LinkDefinition) {
    for (const name of [table, ownerColumn, targetColumn]) {
      if (!IDENTIFIER.test(name)) throw new Error(`link table or column "${name}" is not a plain SQL identifier`);
    }
    this.table = table;
    this.ownerColumn = ownerColumn;
    this.targetColumn = targetColumn;
    this.ownerEntity = ownerColumn.replace(/_id$/, '').toUpperCase();
  }

  /** The owner's links become exactly `targetIds` (one statement: removes the others, adds the missing). */
  async replace(tx: Transaction, owner: LinkOwner, targetIds: readonly string[]): Promise<void> {
    await tx.unscopedManager().query(
      `WITH removed AS (
         DELETE FROM ${this.table}
          WHERE ${this.ownerKey()} AND ${this.targetColumn} <> ALL($4::uuid[])
       )
       ${this.insertSql()}`,
      [...this.stamp(tx, owner), distinct(targetIds)],
    );
  }

  /** Links the owner to `targetIds` too; links it already has stay as they are. */
  async add(tx: Transaction, owner: LinkOwner, targetIds: readonly string[]): Promise<void> {
    if (targetIds.length === 0) return;
    await tx.unscopedManager().query(this.insertSql(), [...this.stamp(tx, owner), distinct(targetIds)]);
  }

  /** Unlinks the owner from `targetIds`; ids it is not linked to are ignored. */
  async remove(tx: Transaction, owner: LinkOwner, targetIds: readonly string[]): Promise<void> {
    if (targetIds.length === 0) return;
    await tx
      .unscopedManager()
      .query(`DELETE FROM ${this.table} WHERE ${this.ownerKey()} AND ${this.targetColumn} = ANY($4::uuid[])`, [
        ...this.stamp(tx, owner),
        distinct(targetIds),
      ]);
  }

  /**
   * The targets of many owners in one statement, through the target's scoped repository (so only
   * targets the actor may see): owner id → its targets in `orderBy` order. The owners' links are
   * read first by the link table's key (a materialized CTE, limited to the actor's tenant and
   * visible organizations): left to itself the planner may walk every link of every target.
   */
  async load<T extends ObjectLiteral & { id: string; tenantId: string | null }>(
    targets: ScopedRepository<T>,
    alias: string,
    ownerIds: readonly string[],
    orderBy: Readonly<Record<string, 'ASC' | 'DESC'>>,
  ): Promise<Map<string, T[]>> {
    const byOwner = new Map<string, T[]>(ownerIds.map((id) => [id, []]));
    if (ownerIds.length === 0) return byOwner;
    const { entities, raw } = await targets
      .query(alias, 'visible')
      .addCommonTableExpression(
        `SELECT ${this.ownerColumn} AS owner_id, ${this.targetColumn} AS target_id FROM ${this.table}
          WHERE tenant_id = :linkTenantId AND organization_id = ANY(:linkOrganizationIds)
            AND ${this.ownerColumn} = ANY(:linkOwnerIds)`,
        'owner_link',
        { materialized: true },
      )
      .innerJoin('owner_link', 'owner_link', `owner_link.target_id = ${alias}.id`)
      .addSelect('owner_link.owner_id', 'owner_link_owner_id')
      .setParameter('linkTenantId', targets.scope.tenantId)
      .setParameter('linkOrganizationIds', targets.scope.visibleOrganizationIds)
      .setParameter('linkOwnerIds', [...ownerIds])
      .orderBy({ ...orderBy, [`${alias}.id`]: 'ASC' })
      .getRawAndEntities<Record<string, string>>();
    const byId = new Map(entities.map((target) => [target.id, target]));
    for (const row of raw) {
      const target = byId.get(row[`${alias}_id`] ?? '');
      if (target !== undefined) byOwner.get(row.owner_link_owner_id ?? '')?.push(target);
    }
    return byOwner;
  }

  /**
   * SQL for a correlated subquery of the owner's statement: the link rows (aliased `linkAlias`)
   * of the owner row aliased `ownerAlias`, for `FROM <table> <linkAlias> … WHERE <this>`. It
   * names the whole key prefix, so each owner row is one probe of the link table's key.
   */
  linkedTo(linkAlias: string, ownerAlias: string): string {
    return `${linkAlias}.tenant_id = "${ownerAlias}".tenant_id AND ${linkAlias}.organization_id = "${ownerAlias}".organization_id
              AND ${linkAlias}.${this.ownerColumn} = "${ownerAlias}".id`;
  }

  /**
   * Seeding only: links `owner` to `targetIds` with its own tenant and organization, outside any
   * request's scope (the database's keys still refuse a target of another tenant or organization).
   */
  async addUnscoped(manager: EntityManager, owner: LinkOwner, targetIds: readonly string[]): Promise<void> {
    if (targetIds.length === 0) return;
    await manager.query(this.insertSql(), [owner.tenantId, owner.organizationId, owner.id, distinct(targetIds)]);
  }

  /** `$1..$3`: tenant, organization and owner. */
  private ownerKey(): string {
    return `tenant_id = $1::uuid AND organization_id = $2::uuid AND ${this.ownerColumn} = $3::uuid`;
  }

  /** Links `$4` to the owner, skipping those it has. */
  private insertSql(): string {
    return `INSERT INTO ${this.table} (tenant_id, organization_id, ${this.ownerColumn}, ${this.targetColumn})
       SELECT $1::uuid, $2::uuid, $3::uuid, target_id FROM unnest($4::uuid[]) AS target_id
       ON CONFLICT DO NOTHING`;
  }

  /**
   * The tenant, organization and id a write stamps: the owner must be of the actor's tenant and
   * in an organization where the route's grants are held, as for any write of the owner itself.
   */
  private stamp(tx: Transaction, owner: LinkOwner): [string, string, string] {
    if (owner.tenantId !== tx.scope.tenantId) throw new NotFoundError(this.ownerEntity, owner.id);
    tx.scope.assertGranted(owner.organizationId);
    return [tx.scope.tenantId, owner.organizationId, owner.id];
  }
}

/** Declares a link table: see `Link`. */
export function defineLink(definition: LinkDefinition): Link {
  return new Link(definition);
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
