import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { serializeRequestsPerConnection } from './pglite-message-queue';

/**
 * PostgreSQL without installing PostgreSQL: PGlite (PostgreSQL compiled to WASM) persisted in
 * a directory and served over the wire protocol on a loopback port, so TypeORM connects with
 * its ordinary `postgres` driver and runs the same migrations and SQL as in production.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(options: {
    dataDir?: string;
    maxConnections: number;
    loadDataDir?: Blob;
  }): Promise<EmbeddedPostgres> {
    let dataDir: string | undefined;
    if (options.dataDir !== undefined) {
      dataDir = resolve(options.dataDir, 'pgdata');
      await mkdir(join(dataDir, '..'), { recursive: true });
    }
    const db = await PGlite.create({
      dataDir,
      extensions: { pg_trgm },
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    });
    const server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: 0,
      maxConnections: options.maxConnections,
    });
    serializeRequestsPerConnection(server);
    await server.start();
    return new EmbeddedPostgres(db, server, `postgres://postgres@${server.getServerConn()}/postgres`);
  }

  /** A tarball of the whole data directory, to start other instances from (test templates). */
  async dump(): Promise<Blob> {
    return await this.db.dumpDataDir('none');
  }

  /** Stops serving, then closes PGlite so its files are left consistent. */
  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
