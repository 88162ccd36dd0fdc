import { type DataSource, type EntityTarget, type ObjectLiteral, type QueryRunner, SelectQueryBuilder } from 'typeorm';
import type { WhereClause } from 'typeorm/query-builder/WhereClause';

/** The tenant and organization predicates of a scoped query, with their parameters. */
export interface QueryScope {
  /** SQL conditions, AND-joined, always first in the WHERE clause. */
  readonly conditions: readonly string[];
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** A scoped query was asked to do what would leave its scope: a programming error, never user input. */
export class ScopeEscapeError extends Error {
  constructor(what: string) {
    super(`A scoped query cannot ${what}: it would leave the tenant's scope`);
    this.name = 'ScopeEscapeError';
  }
}

type FromTarget<Entity extends ObjectLiteral> =
  EntityTarget<Entity> | ((qb: SelectQueryBuilder<ObjectLiteral>) => SelectQueryBuilder<ObjectLiteral>);

/** Catches `or` as a word in rendered SQL: a raw condition such as `a = 1 OR b = 2` included. */
const OR_WORD = /\bor\b/i;

/**
 * A select that keeps its tenant and organization scope whatever the caller chains. The scope is
 * held apart from the caller's conditions and put in front of them when the SQL is built, so
 * `where()` (which replaces earlier conditions), `orWhere()`, brackets and raw `OR` text only ever
 * narrow the scoped rows: `scope AND (caller's conditions)`. The scope's parameters cannot be
 * overwritten (also not from a sub-query, whose parameters go to its parent), and the builder
 * refuses to turn into a write or to read from another table. Clones (`getCount`, pagination)
 * keep the scope; sub-queries made with `subQuery()` start unscoped, like any new builder.
 */
export class ScopedSelectQueryBuilder<T extends ObjectLiteral> extends SelectQueryBuilder<T> {
  private readonly queryScope: QueryScope | undefined;

  constructor(source: SelectQueryBuilder<T> | DataSource, scopeOrRunner?: QueryScope | QueryRunner) {
    if (isQueryScope(scopeOrRunner)) {
      super(source as SelectQueryBuilder<T>);
      this.queryScope = scopeOrRunner;
      Object.assign(this.expressionMap.parameters, scopeOrRunner.parameters);
    } else {
      // TypeORM's own `new this.constructor(...)`: a clone keeps the scope, a fresh builder has none.
      super(source as DataSource, scopeOrRunner);
      this.queryScope = source instanceof ScopedSelectQueryBuilder ? source.queryScope : undefined;
    }
  }

  /** The scope's conditions, for callers that key SQL texts by query shape. */
  get scopeConditions(): readonly string[] | undefined {
    return this.queryScope?.conditions;
  }

  override setParameter(key: string, value: unknown): this {
    const scope = this.queryScope;
    if (scope !== undefined && key in scope.parameters && !sameValue(scope.parameters[key], value)) {
      throw new ScopeEscapeError(`change its scope parameter "${key}"`);
    }
    return super.setParameter(key, value);
  }

  override update(..._args: unknown[]): never {
    throw new ScopeEscapeError('become an update');
  }

  override delete(..._args: unknown[]): never {
    throw new ScopeEscapeError('become a delete');
  }

  override softDelete(..._args: unknown[]): never {
    throw new ScopeEscapeError('become a soft delete');
  }

  override restore(..._args: unknown[]): never {
    throw new ScopeEscapeError('become a restore');
  }

  override insert(..._args: unknown[]): never {
    throw new ScopeEscapeError('become an insert');
  }

  override relation(..._args: unknown[]): never {
    throw new ScopeEscapeError('write a relation');
  }

  override from<Entity extends ObjectLiteral>(
    target: FromTarget<Entity>,
    aliasName: string,
  ): SelectQueryBuilder<Entity> {
    if (this.queryScope !== undefined) throw new ScopeEscapeError('change the table it reads');
    return super.from(target, aliasName);
  }

  override addFrom<Entity extends ObjectLiteral>(
    target: FromTarget<Entity>,
    aliasName: string,
  ): SelectQueryBuilder<Entity> {
    if (this.queryScope !== undefined) throw new ScopeEscapeError('read another table');
    return super.addFrom(target, aliasName);
  }

  /**
   * The scope, then the caller's conditions. Without an `or` among them they follow as further
   * `AND`s (the SQL text is what an `andWhere` chain gives); with one they are bracketed.
   */
  protected override createWhereExpression(): string {
    const scope = this.queryScope;
    if (scope === undefined) return super.createWhereExpression();
    const callerWheres = this.expressionMap.wheres;
    const scoped: WhereClause[] = scope.conditions.map((condition, index) => ({
      type: index === 0 ? 'simple' : 'and',
      condition,
    }));
    if (callerWheres.length > 0) {
      const rendered = this.createWhereClausesExpression(callerWheres);
      if (OR_WORD.test(rendered)) scoped.push({ type: 'and', condition: `(${rendered})` });
      else scoped.push(...callerWheres.map((where): WhereClause => ({ ...where, type: 'and' })));
    }
    this.expressionMap.wheres = scoped;
    try {
      return super.createWhereExpression();
    } finally {
      this.expressionMap.wheres = callerWheres;
    }
  }
}

function isQueryScope(value: unknown): value is QueryScope {
  return typeof value === 'object' && value !== null && Array.isArray((value as QueryScope).conditions);
}

/** Scope values are ids or arrays of ids: another query of the same scope passes equal copies. */
function sameValue(scoped: unknown, value: unknown): boolean {
  if (scoped === value) return true;
  return (
    Array.isArray(scoped) &&
    Array.isArray(value) &&
    scoped.length === value.length &&
    scoped.every((item, index) => item === value[index])
  );
}
