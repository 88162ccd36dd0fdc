import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket moved to another organization of its tenant (`POST tickets/:id/move`) takes its
 * comments along: their key to the ticket names its organization, so it now follows the
 * ticket's (`ON UPDATE CASCADE`) instead of refusing the move. The link tables (`ticket_tag`,
 * `ticket_contact`) keep refusing it: their targets belong to one organization, and the move
 * re-links them to the target's records itself.
 */
export class TicketCommentsFollowTheirTicket1764000020000 implements MigrationInterface {
  name = 'TicketCommentsFollowTheirTicket1764000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_comment DROP CONSTRAINT ticket_comment_ticket_fkey`);
    await q.query(`
      ALTER TABLE ticket_comment ADD CONSTRAINT ticket_comment_ticket_fkey FOREIGN KEY (tenant_id, organization_id, ticket_id)
        REFERENCES ticket (tenant_id, organization_id, id) ON UPDATE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_comment DROP CONSTRAINT ticket_comment_ticket_fkey`);
    await q.query(`
      ALTER TABLE ticket_comment ADD CONSTRAINT ticket_comment_ticket_fkey FOREIGN KEY (tenant_id, organization_id, ticket_id)
        REFERENCES ticket (tenant_id, organization_id, id)`);
  }
}
