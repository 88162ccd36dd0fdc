import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** How many events one run sequences at most; the rest wait for the next run. */
const BATCH = 1_000;

/**
 * Gives outbox events their feed `sequence`, in commit order, so a reader that has read up to
 * sequence S never later finds an event at or below S:
 *
 * - A row is sequenced only once its transaction id is below every transaction of this
 *   database still running in the statement's snapshot: its transaction has ended, and so has
 *   every one that started before it. A late commit cannot slip in below: an older writer
 *   still open holds every newer row back. Transactions of other databases on the server (a
 *   long bulk load, a report) are left out: they cannot write this outbox.
 * - Rows get consecutive values in (txid, id) order; the runs are serialized by an advisory
 *   transaction lock, and each run's values come from `outbox_sequence` after the previous run
 *   committed, so every run numbers above everything already visible.
 *
 * Runs inside the caller's transaction (the scheduler's job transaction): the new sequences
 * become visible when it commits, all at once.
 */
@Injectable()
export class OutboxSequencer {
  /** Sequences the events that are ready; returns how many. */
  async sequence(manager: EntityManager): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('clientele.outbox_sequencer'))`);
    const rows: unknown[] = await manager.query(
      `WITH horizon AS (
         -- The oldest transaction still running, of this database (another database's cannot
         -- write this outbox, and a long one there must not stall the feed), from the statement's
         -- snapshot; none → the snapshot's xmax. A session hidden from pg_stat_activity counts.
         SELECT COALESCE(min(running.xid), pg_snapshot_xmax(pg_current_snapshot())) AS xid
           FROM pg_snapshot_xip(pg_current_snapshot()) AS running (xid)
          WHERE NOT EXISTS (
            SELECT 1 FROM pg_stat_activity other
             WHERE other.datname IS DISTINCT FROM current_database() AND other.backend_xid IS NOT NULL
               AND other.backend_xid::text::bigint = (running.xid::text::bigint & 4294967295))
       ), ready AS (
         SELECT position, row_number() OVER (ORDER BY txid, id) AS rn
           FROM outbox_event
          WHERE sequence IS NULL AND txid < (SELECT xid FROM horizon)
          ORDER BY txid, id
          LIMIT $1
       ), reserved AS (
         -- Only the lock holder draws from outbox_sequence: one draw reserves the whole block.
         SELECT setval('outbox_sequence', nextval('outbox_sequence') + (SELECT count(*) FROM ready) - 1)
                  - (SELECT count(*) FROM ready) AS base
          WHERE EXISTS (SELECT 1 FROM ready)
       )
       UPDATE outbox_event event SET sequence = reserved.base + ready.rn
         FROM ready, reserved
        WHERE event.position = ready.position
       RETURNING event.sequence`,
      [BATCH],
    );
    return rows.length;
  }
}
