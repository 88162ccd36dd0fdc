import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganizationEntity, Permission, UnitOfWork } from '@clientele/core';
import { applyContactInput } from '../contact-changes';
import { loadContactLinks, saveContactLinks } from '../contact-relations';
import { contactSnapshot } from '../contact-snapshot';
import { ContactEntity } from '../entities/contact.entity';
import { UpdateContactCommand } from './update-contact.command';
import { publishContactUpdated } from '../publish-contact-updated';

/** An AGENT (`ORG_CONTACT_EDIT_OWN`) changes only contacts it owns, and keeps them its own. */
@CommandHandler(UpdateContactCommand)
export class UpdateContactHandler implements ICommandHandler<UpdateContactCommand, ContactEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ contactId, input }: UpdateContactCommand): Promise<ContactEntity> {
    return this.uow.run(async (tx) => {
      const contacts = tx.repository(ContactEntity);
      const contact = await contacts.findOneForUpdate(contactId);
      tx.scope.assertCanEdit(
        contact.organizationId,
        contact.ownerId,
        Permission.ORG_CONTACT_EDIT,
        Permission.ORG_CONTACT_EDIT_OWN,
      );
      const organization = await tx.repository(OrganizationEntity).findOneOrFail(contact.organizationId);
      await loadContactLinks(tx, contact);
      const current = Object.assign(new ContactEntity(), contact);
      const before = contactSnapshot(current);

      await applyContactInput(tx, organization, contact, input, current);
      const saved = await contacts.save(contact);
      await saveContactLinks(tx, saved, input);
      await publishContactUpdated(tx, before, saved);
      return saved;
    });
  }
}
