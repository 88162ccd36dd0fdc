import type { OrganizationPair } from '@clientele/core';

/** A record of the source organization merged into its twin in the target instead of moving. */
export interface MergePair {
  readonly sourceId: string;
  readonly targetId: string;
  /** What made them twins, as the report shows it: the e-mail, the name. */
  readonly label: string;
}

/**
 * The parameters of one transfer statement, numbered after the pair's four (`$1` tenant, `$2`
 * source organization, `$3` target organization, `$4` author; see `OrganizationPair`).
 */
export class TransferStatement {
  readonly parameters: unknown[] = [];

  constructor(private readonly merges: ReadonlyMap<string, readonly MergePair[]>) {}

  /** `$n` bound to `value`. */
  param(value: unknown): string {
    this.parameters.push(value);
    return `$${4 + this.parameters.length}`;
  }

  /** `$n::uuid[]`: the source ids of the records merged under `key` (`contact`, `customer`, `tag`, …). */
  mergedIds(key: string): string {
    return `${this.param(this.pairs(key).map((pair) => pair.sourceId))}::uuid[]`;
  }

  /**
   * SQL for `column` re-pointed through the merges under `key`: the surviving target record's id
   * where `column` names a merged record, else `column` unchanged (null stays null).
   */
  repoint(column: string, key: string): string {
    const pairs = this.pairs(key);
    if (pairs.length === 0) return column;
    const sources = this.param(pairs.map((pair) => pair.sourceId));
    const targets = this.param(pairs.map((pair) => pair.targetId));
    return `coalesce((SELECT merge.target_id FROM unnest(${sources}::uuid[], ${targets}::uuid[]) AS merge(source_id, target_id)
                       WHERE merge.source_id = ${column}), ${column})`;
  }

  private pairs(key: string): readonly MergePair[] {
    return this.merges.get(key) ?? [];
  }
}

/**
 * One transfer of an organization's CRM into another organization of the tenant, as the
 * participants see it: the pair (both organizations checked against the request's grants), the
 * merges every participant found, and statements bound to the pair.
 */
export class CrmTransfer {
  private readonly merges = new Map<string, readonly MergePair[]>();

  constructor(private readonly pair: OrganizationPair) {}

  get tenantId(): string {
    return this.pair.tenantId;
  }

  get sourceOrganizationId(): string {
    return this.pair.sourceOrganizationId;
  }

  get targetOrganizationId(): string {
    return this.pair.targetOrganizationId;
  }

  /** The records merged under `key` (a participant's key: `contact`, `customer`, `tag`, …). */
  merged(key: string): readonly MergePair[] {
    return this.merges.get(key) ?? [];
  }

  /** Called by the transfer once per participant that matches, before anything is counted or moved. */
  recordMerges(key: string, pairs: readonly MergePair[]): void {
    this.merges.set(key, pairs);
  }

  /**
   * Runs the statement `build` writes: `$1`..`$4` are the pair's, `statement` numbers the rest
   * and re-points columns through the merges. Rows are those it returns.
   */
  async execute<T extends object = Record<string, unknown>>(
    build: (statement: TransferStatement) => string,
  ): Promise<T[]> {
    const statement = new TransferStatement(this.merges);
    const sql = build(statement);
    return this.pair.query<T>(sql, statement.parameters);
  }

  /** `SELECT count(*)::int AS count …` as a number. */
  async count(build: (statement: TransferStatement) => string): Promise<number> {
    const [row] = await this.execute<{ count: number | string }>(build);
    return Number(row?.count ?? 0);
  }
}

/** `SET` list stamping a moved record: into the target organization, changed now by the actor, new version. */
export const MOVED_RECORD = `organization_id = $3, updated_at = now(), updated_by = $4, version = version + 1`;

/** `SET` list of a merged record: deleted (soft) where it was, by the actor. */
export const MERGED_RECORD = `deleted_at = now(), updated_at = now(), updated_by = $4, version = version + 1`;

/** `WHERE` of the source organization's rows (`alias.` prefixed when given). */
export function inSource(alias?: string): string {
  const prefix = alias === undefined ? '' : `${alias}.`;
  return `${prefix}tenant_id = $1 AND ${prefix}organization_id = $2`;
}

/** `WHERE` of the target organization's rows (`alias.` prefixed when given). */
export function inTarget(alias?: string): string {
  const prefix = alias === undefined ? '' : `${alias}.`;
  return `${prefix}tenant_id = $1 AND ${prefix}organization_id = $3`;
}
