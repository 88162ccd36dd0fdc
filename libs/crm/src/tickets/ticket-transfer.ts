import { CrmTransferParticipants, inSource, inTarget, MOVED_RECORD } from '../crm-transfer';

/**
 * Tickets in a CRM transfer: every ticket moves with its comments, its customer and its linked
 * contacts re-pointed through their merges (GitLab: issues keep pointing at the surviving
 * contacts). A ticket opened by an e-mail the target already has a ticket for gives up its
 * message id (the target's ticket keeps the thread), as one message makes one ticket per
 * organization. Tags move with the tags participant.
 */
CrmTransferParticipants.register({
  key: 'ticket',
  order: 80,
  tables: ['ticket', 'ticket_contact', 'ticket_comment'],
  count: (transfer) =>
    transfer.count(() => `SELECT count(*) AS count FROM ticket WHERE ${inSource()} AND deleted_at IS NULL`),
  move: async (transfer) => {
    await transfer.execute(
      () => `UPDATE ticket source SET inbound_message_id = NULL
              WHERE ${inSource('source')} AND source.inbound_message_id IS NOT NULL
                AND EXISTS (SELECT 1 FROM ticket target
                             WHERE ${inTarget('target')} AND target.inbound_message_id = source.inbound_message_id)`,
    );
    await transfer.execute(
      (sql) => `UPDATE ticket_contact SET organization_id = $3,
                       contact_id = ${sql.repoint('ticket_contact.contact_id', 'contact')}
                 WHERE ${inSource()}`,
    );
    await transfer.execute(() => `UPDATE ticket_comment SET organization_id = $3 WHERE ${inSource()}`);
    await transfer.execute(
      (sql) => `UPDATE ticket SET ${MOVED_RECORD}, customer_id = ${sql.repoint('ticket.customer_id', 'customer')}
                 WHERE ${inSource()}`,
    );
  },
});
