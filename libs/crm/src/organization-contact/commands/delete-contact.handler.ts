import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { loadContactLinks } from '../contact-relations';
import { contactSnapshot } from '../contact-snapshot';
import { ContactEntity } from '../entities/contact.entity';
import { DeleteContactCommand } from './delete-contact.command';
import { ContactDeleted } from '../events/contact.events';

/** Soft-deletes a contact; its e-mail is free again. Owning a contact never allows deleting it. */
@CommandHandler(DeleteContactCommand)
export class DeleteContactHandler implements ICommandHandler<DeleteContactCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ contactId }: DeleteContactCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const contacts = tx.repository(ContactEntity);
      const contact = await contacts.findOneForUpdate(contactId);
      tx.scope.assertCanEdit(contact.organizationId, contact.ownerId, Permission.ORG_CONTACT_EDIT);
      await loadContactLinks(tx, contact);
      const before = contactSnapshot(contact);
      // The links stay (kept for a restore): only the row is marked deleted.
      await contacts.softRemove(contact);
      await tx.publish(ContactDeleted, { entityId: contact.id, organizationId: contact.organizationId, before });
    });
  }
}
