import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganizationEntity, UnitOfWork } from '@clientele/core';
import { defaultOwnerId } from '../../record-ownership';
import { applyContactInput } from '../contact-changes';
import { saveContactLinks } from '../contact-relations';
import { contactSnapshot } from '../contact-snapshot';
import { ContactEntity } from '../entities/contact.entity';
import { CreateContactCommand } from './create-contact.command';
import { ContactCreated } from '../events/contact.events';

@CommandHandler(CreateContactCommand)
export class CreateContactHandler implements ICommandHandler<CreateContactCommand, ContactEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateContactCommand): Promise<ContactEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const organization = await tx.repository(OrganizationEntity).findOneOrFail(organizationId);
      const contacts = tx.repository(ContactEntity);
      const contact = contacts.create({ organizationId, tags: [], members: [] });
      await applyContactInput(tx, organization, contact, {
        ...input,
        ownerId: input.ownerId === undefined ? defaultOwnerId(tx.scope) : input.ownerId,
      });
      const saved = await contacts.save(contact);
      await saveContactLinks(tx, saved, input);
      await tx.publish(ContactCreated, { entityId: saved.id, organizationId, after: contactSnapshot(saved) });
      return saved;
    });
  }
}
