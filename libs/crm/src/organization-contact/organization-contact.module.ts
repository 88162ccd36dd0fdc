import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RowExporter } from '@clientele/core';
import { CustomersModule } from '../customers';
import { CreateContactHandler } from './commands/create-contact.handler';
import { DeleteContactHandler } from './commands/delete-contact.handler';
import { UpdateContactHandler } from './commands/update-contact.handler';
import './contact-constraints';
import './contact-counts';
import './contact-transfer';
import './contact-search-section';
import { ContactDetailSections } from './contact-detail-sections';
import { describeContactDetail } from './dto/crm-contact-detail.response';
import { CrmContactsController } from './crm-contacts.controller';
import { CustomerContactsController } from './customer-contacts.controller';
import { OrganizationContactController } from './organization-contact.controller';
import { ExportContactsHandler } from './queries/export-contacts.handler';
import { GetContactDetailHandler } from './queries/get-contact-detail.handler';
import { GetContactHandler } from './queries/get-contact.handler';
import { ListContactsHandler } from './queries/list-contacts.handler';
import { UnlinkDeletedCustomer } from './unlink-deleted-customer';
import { ContactEntity } from './entities/contact.entity';

/**
 * The `contact` table and its two API surfaces: Gauzy's `organization-contact` and the portal's
 * `crm/contacts`, both through the same commands and queries.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([ContactEntity]), CustomersModule],
  controllers: [OrganizationContactController, CrmContactsController, CustomerContactsController],
  providers: [
    RowExporter,
    CreateContactHandler,
    UpdateContactHandler,
    DeleteContactHandler,
    ListContactsHandler,
    GetContactHandler,
    GetContactDetailHandler,
    ExportContactsHandler,
    UnlinkDeletedCustomer,
  ],
})
export class OrganizationContactModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    ContactDetailSections.freeze();
    describeContactDetail();
  }
}
