import type { EntityManager } from 'typeorm';

/**
 * Two organizations of one tenant that a command works across at once (moving one's CRM into
 * the other), both already checked against the request's grants by
 * `Transaction.acrossOrganizations`. Its statements run in the command's transaction with the
 * pair bound as the first parameters, so each statement names them by position and cannot reach
 * a third organization or another tenant unless it leaves them out:
 * `$1` tenant, `$2` source organization, `$3` target organization, `$4` the acting author (or
 * null); the caller's own parameters follow from `$5`.
 */
export class OrganizationPair {
  constructor(
    private readonly manager: EntityManager,
    readonly tenantId: string,
    readonly sourceOrganizationId: string,
    readonly targetOrganizationId: string,
    readonly authorId: string | null,
  ) {}

  /**
   * Rows of `sql` (for a write, its `RETURNING` rows). Parameters the statement does not name are
   * left out and the others renumbered (PostgreSQL refuses a parameter it cannot type), so `sql`
   * must hold `$n` only as placeholders, never inside a literal.
   */
  async query<T extends object>(sql: string, parameters: readonly unknown[] = []): Promise<T[]> {
    const bound = [this.tenantId, this.sourceOrganizationId, this.targetOrganizationId, this.authorId, ...parameters];
    const used = [...new Set([...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])))].sort((a, b) => a - b);
    for (const index of used) {
      if (index < 1 || index > bound.length) throw new Error(`$${index} has no parameter`);
    }
    const renumbered = new Map(used.map((index, position) => [index, position + 1]));
    const text = sql.replace(/\$(\d+)/g, (_, index: string) => `$${renumbered.get(Number(index)) ?? 0}`);
    const result: unknown = await this.manager.query(
      text,
      used.map((index) => bound[index - 1]),
    );
    // A write without RETURNING answers `[rows, count]` through TypeORM's driver; rows are all a caller reads.
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
      return result[0] as T[];
    }
    return result as T[];
  }

  /**
   * Foreign keys declared `DEFERRABLE` (every key naming `organization_id`, migration
   * 1764000020500) are checked at commit from now on: rows pointing at each other can then move
   * one table at a time.
   */
  async deferConstraints(): Promise<void> {
    await this.manager.query('SET CONSTRAINTS ALL DEFERRED');
  }
}
