import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities';
import { AssetsModule } from './assets';
import { BillingModule } from './billing';
import { ContractsModule } from './contracts';
import { CrmTransferModule } from './crm-transfer';
import { CustomersModule } from './customers';
import { DealsModule } from './deals';
import { InvoicesModule } from './invoices';
import { NotesModule } from './notes';
import { OrganizationContactModule } from './organization-contact';
import { PipelinesModule } from './pipelines';
import { ProjectsModule } from './projects';
import { SearchModule } from './search';
import { TagsModule } from './tags';
import { TicketsModule } from './tickets';
import { TimelineModule } from './timeline';

/** The CRM capabilities, one Nest module each (organization contacts, customers, tags, pipelines, deals, activities, notes, tickets, invoices, contracts, assets, projects, …). */
@Module({
  imports: [
    TagsModule,
    CustomersModule,
    OrganizationContactModule,
    SearchModule,
    TimelineModule,
    PipelinesModule,
    DealsModule,
    ActivitiesModule,
    NotesModule,
    TicketsModule,
    InvoicesModule,
    BillingModule,
    AssetsModule,
    ProjectsModule,
    ContractsModule,
    CrmTransferModule,
  ],
})
export class CrmModule {}
