import type { Client, PoolClient } from 'pg';
import type { GeneratedCounts } from './crm-row-generator';
import type { SalesCounts } from './sales-row-generator';
import type { ServiceCounts } from './service-row-generator';

/** Bump when generated data changes shape, so an existing bench database is regenerated. */
export const GENERATOR_VERSION = 4;

/** What the bench needs to know about a loaded data set; kept in the database's COMMENT. */
export interface DatasetManifest {
  readonly generatorVersion: number;
  readonly seed: number;
  readonly contacts: number;
  readonly customers: number;
  readonly password: string;
  readonly bigTenant: {
    readonly id: string;
    readonly name: string;
    readonly adminEmail: string;
    readonly contacts: number;
  };
  readonly bigOrganization: {
    readonly id: string;
    readonly name: string;
    readonly contacts: number;
    readonly ownerIds: readonly string[];
    readonly agentEmail: string;
    /** Its default pipeline, the board scenario's. */
    readonly pipelineId: string;
  };
  readonly counts: GeneratedCounts & SalesCounts & ServiceCounts;
  readonly loadSeconds: number;
  readonly loadedAt: string;
}

type Queryable = Pick<Client | PoolClient, 'query'>;

export async function readManifest(client: Queryable): Promise<DatasetManifest | null> {
  const result = await client.query<{ comment: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
  );
  const comment = result.rows[0]?.comment;
  if (comment === null || comment === undefined || !comment.startsWith('{')) return null;
  try {
    return JSON.parse(comment) as DatasetManifest;
  } catch {
    return null;
  }
}

export async function writeManifest(client: Queryable, manifest: DatasetManifest): Promise<void> {
  const literal = JSON.stringify(manifest).replace(/'/g, "''");
  await client.query(`COMMENT ON DATABASE "${await currentDatabase(client)}" IS '${literal}'`);
}

async function currentDatabase(client: Queryable): Promise<string> {
  const result = await client.query<{ name: string }>(`SELECT current_database() AS name`);
  const name = result.rows[0]?.name;
  if (name === undefined) throw new Error('no current database');
  return name;
}
