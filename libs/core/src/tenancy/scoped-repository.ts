import type { DeepPartial, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NotFoundError, PreconditionFailedError } from '../errors/domain-error';
import { type ReadRow, readRows } from '../database/read-rows';
import type { AccessScope } from './access-scope';
import { ScopedSelectQueryBuilder } from './scoped-query-builder';

type ScopeColumn = 'organizationId' | 'id' | null;

interface ScopedRow extends ObjectLiteral {
  id: string;
  tenantId: string | null;
}

/**
 * The only way handlers reach tenant data. Every query gets `tenant_id = actor's tenant` and,
 * for organization-owned rows, `organization_id IN (organizations the request may see)`;
 * inserts are stamped with both. A handler cannot forget them.
 */
export class ScopedRepository<T extends ScopedRow> {
  private readonly organizationColumn: ScopeColumn;
  /** Upper snake name for error codes: `contact` → `CONTACT_NOT_FOUND`. */
  readonly entityName: string;

  constructor(
    private readonly manager: EntityManager,
    private readonly target: EntityTarget<T>,
    readonly scope: AccessScope,
    /** The request's `If-Match` versions, checked by `findOneForUpdate`. */
    private readonly ifMatch?: readonly string[],
  ) {
    const metadata = manager.connection.getMetadata(target);
    this.entityName = metadata.tableName.replace(/^app_/, '').toUpperCase();
    this.organizationColumn = metadata.findColumnWithPropertyName('organizationId')
      ? 'organizationId'
      : metadata.tableName === 'organization'
        ? 'id'
        : null;
  }

  /**
   * A query builder limited to the tenant and to the organizations where the route's grants are
   * held (`granted`, for lists) or merely visible (`visible`, for single records). The limit
   * cannot be undone: whatever the caller chains (`where`, `orWhere`, brackets, parameters) only
   * narrows it, and the builder refuses to become a write (see `ScopedSelectQueryBuilder`).
   */
  query(alias: string, reach: 'granted' | 'visible' = 'granted'): ScopedSelectQueryBuilder<T> {
    const conditions = [`${alias}.tenantId = :scopeTenantId`];
    const parameters: Record<string, unknown> = { scopeTenantId: this.scope.tenantId };
    if (this.organizationColumn !== null) {
      const organizationIds =
        reach === 'granted' ? this.scope.grantedOrganizationIds : this.scope.visibleOrganizationIds;
      const column = `${alias}.${this.organizationColumn}`;
      // One organization (the common case) as an equality: PostgreSQL 15 cannot walk an index in
      // order under `= ANY(array)`, so a sorted page would sort every row of the organization.
      if (organizationIds.length === 1) {
        conditions.push(`${column} = :scopeOrganizationId`);
        parameters.scopeOrganizationId = organizationIds[0];
      } else {
        conditions.push(`${column} = ANY(:scopeOrganizationIds)`);
        parameters.scopeOrganizationIds = organizationIds;
      }
    }
    return new ScopedSelectQueryBuilder(this.manager.createQueryBuilder<T>(this.target, alias), {
      conditions,
      parameters,
    });
  }

  /**
   * One record by id: null when it is in another tenant or an organization the actor cannot
   * see; a `ForbiddenError` when it is visible but the route's grant is not held there.
   */
  async findOne(id: string, relations: string[] = []): Promise<T | null> {
    const qb = this.queryOne(id);
    for (const relation of relations) qb.leftJoinAndSelect(`row.${relation}`, relation);
    const row = await qb.getOne();
    if (row !== null) this.assertGranted(row);
    return row;
  }

  async findOneOrFail(id: string, relations: string[] = []): Promise<T> {
    const row = await this.findOne(id, relations);
    if (row === null) throw new NotFoundError(this.entityName, id);
    return row;
  }

  /**
   * `findOneOrFail` with columns the caller adds to the same statement (e.g. relations embedded
   * as JSON), handed back raw beside the entity: one round trip for the record and its relations.
   */
  async findOneOrFailWithRaw(
    id: string,
    select: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  ): Promise<ReadRow<T>> {
    const [row] = await readRows(select(this.queryOne(id)));
    if (row === undefined) throw new NotFoundError(this.entityName, id);
    this.assertGranted(row.entity);
    return row;
  }

  /**
   * The record a command is about to change or delete: locked for the rest of the transaction
   * and, when the request sent `If-Match`, checked against its version (412 when stale), so
   * concurrent edits cannot silently overwrite each other.
   */
  async findOneForUpdate(id: string): Promise<T> {
    const row = await this.queryOne(id).setLock('pessimistic_write').getOne();
    if (row === null) throw new NotFoundError(this.entityName, id);
    this.assertGranted(row);
    if (this.ifMatch !== undefined && !this.ifMatch.includes('*')) {
      const version = String((row as { version?: unknown }).version);
      if (!this.ifMatch.includes(version)) throw new PreconditionFailedError();
    }
    return row;
  }

  /**
   * The live record a body or query names by id (`customerId`, `stageId`, `moveTo`), which must
   * belong to `organizationId`: another organization's, another tenant's or a deleted record is
   * a 404 naming `field`, as the record itself would be — never a silent link across a boundary.
   */
  async findReferenced(id: string, organizationId: string, field: string): Promise<T> {
    const qb = this.query('row', 'visible').andWhere('row.id = :id', { id });
    if (this.organizationColumn === 'organizationId') {
      qb.andWhere('row.organizationId = :referenceOrganizationId', { referenceOrganizationId: organizationId });
    }
    const row = await qb.getOne();
    if (row === null) throw new NotFoundError(this.entityName, id, field);
    return row;
  }

  /** A new row stamped with the tenant, the (checked) organization and the author. */
  create(data: DeepPartial<T> & { organizationId?: string }): T {
    const stamped: Record<string, unknown> = {
      ...data,
      tenantId: this.scope.tenantId,
      createdBy: this.scope.actor.authorId,
      updatedBy: this.scope.actor.authorId,
    };
    if (this.organizationColumn === 'organizationId') {
      stamped.organizationId = this.scope.targetOrganizationId(data.organizationId);
    }
    return this.manager.create(this.target, stamped as DeepPartial<T>);
  }

  async save(row: T): Promise<T> {
    this.assertWritable(row);
    (row as Record<string, unknown>).updatedBy = this.scope.actor.authorId;
    return this.manager.save(this.target, row);
  }

  /**
   * Inserts a row made by `create`, or nothing when it would break a unique index (a concurrent
   * insert of the same natural key won): true when the row was inserted.
   */
  async insertOrIgnore(row: T): Promise<boolean> {
    this.assertWritable(row);
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(this.target)
      .values(row)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async softRemove(row: T): Promise<void> {
    this.assertWritable(row);
    (row as Record<string, unknown>).updatedBy = this.scope.actor.authorId;
    await this.manager.save(this.target, row);
    await this.manager.softDelete(this.target, { id: row.id, tenantId: this.scope.tenantId });
  }

  /** The record by id among those the actor can see (alias `row`). */
  private queryOne(id: string): SelectQueryBuilder<T> {
    return this.query('row', 'visible').andWhere('row.id = :id', { id });
  }

  private assertGranted(row: T): void {
    if (this.organizationColumn === null) return;
    this.scope.assertGranted(row[this.organizationColumn] as string);
  }

  /**
   * Rows only come from scoped queries or `create`; this guards against a handler building one by
   * hand or moving it: the tenant must be the actor's, and the organization one where the route's
   * grant is held now (not only where the row was read).
   */
  private assertWritable(row: T): void {
    if (row.tenantId !== this.scope.tenantId) throw new NotFoundError(this.entityName, row.id);
    // A new organization (no id yet) is in no one's grants until its first membership exists.
    if (this.organizationColumn === 'id' && row.id === undefined) return;
    this.assertGranted(row);
  }
}
