import { Registry, type RegistryEntry } from '@clientele/core';
import type { CrmTransfer, MergePair } from './crm-transfer';

/**
 * A module's part in moving an organization's CRM into another organization of the tenant
 * (`POST organizations/:id/transfer-crm`). The transfer runs every participant's steps phase by
 * phase, in registry order, in one transaction:
 *
 * 1. `check`: refuse the whole transfer (throw a domain error) when this module's rows cannot
 *    follow — invoices, numbered per organization, refuse.
 * 2. `match`: the live records of the source the target already has (same e-mail, same name),
 *    each merged into its twin instead of moving. From then on every participant sees the pairs
 *    under this participant's key (`transfer.merged('contact')`, `statement.repoint(column,
 *    'contact')`).
 * 3. `count`: how many live records of this kind move (merged ones left out), read before
 *    anything changes. With `match`, this makes the participant's line of the report; a dry run
 *    answers the report and stops here.
 * 4. `move`: this module's rows of the source organization go to the target, every reference to a
 *    merged record (its own columns and its link tables) re-pointed to the survivor, and its own
 *    merged records deleted (soft) where they are. Foreign keys naming `organization_id` are
 *    checked at commit, so the order of the participants' moves does not matter — only their
 *    unique indexes do, which a merged record (left behind, deleted) never meets in the target.
 *
 * Adding a module is one file in that module, imported from its `*.module.ts` for its effect
 * (`import './asset-transfer';`), plus its name in this module's index imports:
 *
 * ```ts
 * // libs/crm/src/assets/asset-transfer.ts
 * import { CrmTransferParticipants, inSource, MOVED_RECORD } from '../crm-transfer';
 *
 * CrmTransferParticipants.register({
 *   key: 'asset',
 *   order: 85,
 *   tables: ['asset'],
 *   count: (transfer) =>
 *     transfer.count(() => `SELECT count(*) AS count FROM asset WHERE ${inSource()} AND deleted_at IS NULL`),
 *   move: async (transfer) => {
 *     await transfer.execute(
 *       (sql) => `UPDATE asset SET ${MOVED_RECORD},
 *                        customer_id = ${sql.repoint('asset.customer_id', 'customer')},
 *                        contact_id = ${sql.repoint('asset.contact_id', 'contact')}
 *                  WHERE ${inSource()}`,
 *     );
 *   },
 * });
 * ```
 *
 * A link table of contacts (`project_contact`) moves the same way, its `contact_id` re-pointed;
 * one that could then hold a link twice deletes the doubles first (see the contacts
 * participant's members).  * Its table's foreign keys naming `organization_id` must be `DEFERRABLE INITIALLY IMMEDIATE`
 * (test/crm-transfer.e2e-spec.ts lists any that are not). Tag links need nothing: the tags
 * participant moves every table registered with `registerTagLink`.
 */
export interface CrmTransferParticipant extends RegistryEntry {
  /**
   * The tables whose rows this participant moves, re-points, maps onto or refuses to move: every table with
   * an `organization_id` must be some participant's, or on the short list of those that stay
   * with their organization (test/crm-transfer.e2e-spec.ts checks), so a new table cannot be
   * forgotten by the transfer.
   */
  readonly tables: readonly string[];
  /** Throws a domain error (409) when this module's rows keep the organization from moving. */
  check?(transfer: CrmTransfer): Promise<void>;
  /** Source records merged into the target's twins, as `{sourceId, targetId, label}`. */
  match?(transfer: CrmTransfer): Promise<MergePair[]>;
  /** Live records that move (merged ones excluded); left out, the participant is not in the report. */
  count?(transfer: CrmTransfer): Promise<number>;
  move?(transfer: CrmTransfer): Promise<void>;
}

/** Every participant of the CRM transfer, by `order`: see `CrmTransferParticipant`. */
export const CrmTransferParticipants = new Registry<CrmTransferParticipant>('CRM transfer participant');
