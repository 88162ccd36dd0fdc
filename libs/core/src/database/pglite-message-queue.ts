import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Front-end messages that end a request: Sync, simple Query, Terminate. */
const REQUEST_END = new Set([0x53, 0x51, 0x58]);

interface QueuedMessage {
  readonly handlerId: number;
  readonly message: Uint8Array;
  readonly onData: (data: Uint8Array) => void;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: unknown) => void;
}

interface PGliteLike {
  isInTransaction(): boolean;
  runExclusive<T>(work: () => Promise<T>): Promise<T>;
  execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<void>;
}

/** The private shape of pglite-socket 0.2.17's `QueryQueueManager` (the version is pinned exactly). */
interface QueueManager {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGliteLike;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/**
 * pglite-socket multiplexes every client connection onto PGlite's single session, one protocol
 * message at a time, and keeps a connection's turn only inside a transaction. Outside one, the
 * Parse/Bind/Execute/Sync of two pooled connections interleave and PostgreSQL answers
 * `unnamed prepared statement does not exist`; after such an error the queue could stall
 * forever, its `processing` flag never reset. This keeps a connection's turn until its request
 * ends (Sync or simple Query) or its transaction does, always resets the flag, and releases the
 * turn when the connection goes away.
 */
export function serializeRequestsPerConnection(server: PGLiteSocketServer): void {
  const manager = (server as unknown as { queryQueue: QueueManager }).queryQueue;
  let turn: number | null = null;

  const next = (): QueuedMessage | undefined => {
    const owner = turn ?? (manager.db.isInTransaction() ? manager.lastHandlerId : null);
    if (owner === null) return manager.queue.shift();
    const index = manager.queue.findIndex((item) => item.handlerId === owner);
    // The owner's next message has not arrived yet: wait for it rather than interleave.
    return index === -1 ? undefined : manager.queue.splice(index, 1)[0];
  };

  manager.processQueue = async function processQueue(): Promise<void> {
    if (manager.processing) return;
    manager.processing = true;
    try {
      for (let item = next(); item !== undefined; item = next()) {
        const current = item;
        let bytes = 0;
        try {
          await manager.db.runExclusive(() =>
            manager.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
          manager.lastHandlerId = current.handlerId;
          turn = REQUEST_END.has(current.message[0] ?? 0) ? null : current.handlerId;
          current.resolve(bytes);
        } catch (error) {
          turn = null;
          current.reject(error);
        }
      }
    } finally {
      manager.processing = false;
    }
  };

  const clearQueueForHandler = manager.clearQueueForHandler.bind(manager);
  manager.clearQueueForHandler = (handlerId: number): void => {
    clearQueueForHandler(handlerId);
    if (turn === handlerId) {
      turn = null;
      void manager.processQueue();
    }
  };
}
