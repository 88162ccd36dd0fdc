import { Module } from '@nestjs/common';
import { BillingModule } from './billing';
import { CustomersModule } from './customers';
import { DealsModule } from './deals';
import { InvoicesModule } from './invoices';
import { OrganizationContactModule } from './organization-contact';
import { PipelinesModule } from './pipelines';
import { PlaceholdersModule } from './placeholders/placeholders.module';
import { SearchModule } from './search';
import { TagsModule } from './tags';
import { TimelineModule } from './timeline';

/** The CRM capabilities, one Nest module each (organization contacts, customers, tags, pipelines, deals, invoices, …). */
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
    InvoicesModule,
    BillingModule,
  ],
})
export class CrmModule {}
