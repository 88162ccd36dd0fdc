import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities';
import { BillingModule } from './billing';
import { CrmTransferModule } from './crm-transfer';
import { CustomersModule } from './customers';
import { DealsModule } from './deals';
import { InvoicesModule } from './invoices';
import { NotesModule } from './notes';
import { OrganizationContactModule } from './organization-contact';
import { PipelinesModule } from './pipelines';
import { PlaceholdersModule } from './placeholders/placeholders.module';
import { SearchModule } from './search';
import { TagsModule } from './tags';
import { TicketsModule } from './tickets';
import { TimelineModule } from './timeline';

/** The CRM capabilities, one Nest module each (organization contacts, customers, tags, pipelines, deals, activities, notes, tickets, invoices, …). */
@Module({
  imports: [
    TagsModule,
    CustomersModule,
    OrganizationContactModule,
    SearchModule,
    TimelineModule,
    PlaceholdersModule,
    PipelinesModule,
    DealsModule,
    ActivitiesModule,
    NotesModule,
    TicketsModule,
    InvoicesModule,
    BillingModule,
    CrmTransferModule,
  ],
})
export class CrmModule {}
