import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { makePrivateDirectory, restrictToOwner } from '../config/private-files';
import { serializeRequestsPerConnection } from './pglite-message-queue';

/** The name libpq and node-postgres give a server's socket in the directory named as `host`. */
const SOCKET_NAME = '.s.PGSQL.5432';

/**
 * PostgreSQL without installing PostgreSQL: PGlite (PostgreSQL compiled to WASM) persisted in
 * a directory and served over the wire protocol, so TypeORM connects with its ordinary
 * `postgres` driver and runs the same migrations and SQL as in production.
 *
 * PGlite accepts any user and password, so it is served on a Unix socket in a fresh directory of
 * mode 0700, never on a TCP port: only this OS user can connect. Its data directory (and
 * `DATA_DIR` above it) is 0700 with files 0600, tightened at every start.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketDirectory: string,
    private readonly dataDir: string | undefined,
    readonly url: string,
  ) {}

  static async start(options: {
    dataDir?: string;
    maxConnections: number;
    loadDataDir?: Blob;
  }): Promise<EmbeddedPostgres> {
    let dataDir: string | undefined;
    if (options.dataDir !== undefined) {
      await makePrivateDirectory(resolve(options.dataDir));
      dataDir = resolve(options.dataDir, 'pgdata');
    }
    const db = await PGlite.create({
      dataDir,
      extensions: { pg_trgm },
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    });
    if (options.dataDir !== undefined) await restrictToOwner(resolve(options.dataDir));
    // mkdtemp creates the directory 0700; a short path under tmpdir stays within the socket path limit.
    const socketDirectory = await mkdtemp(join(tmpdir(), 'clientele-pg-'));
    const server = new PGLiteSocketServer({
      db,
      path: join(socketDirectory, SOCKET_NAME),
      maxConnections: options.maxConnections,
    });
    serializeRequestsPerConnection(server);
    await server.start();
    // node-postgres takes the socket's directory from `host`; TypeORM's own parse of the URL is overridden by it.
    const url = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDirectory)}`;
    return new EmbeddedPostgres(db, server, socketDirectory, options.dataDir, url);
  }

  /** A tarball of the whole data directory, to start other instances from (test templates). */
  async dump(): Promise<Blob> {
    return await this.db.dumpDataDir('none');
  }

  /** Stops serving, then closes PGlite so its files are left consistent. */
  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    await rm(this.socketDirectory, { recursive: true, force: true });
    // Files PGlite wrote since the start (WAL segments, new relations) are tightened too.
    if (this.dataDir !== undefined) await restrictToOwner(resolve(this.dataDir));
  }
}
