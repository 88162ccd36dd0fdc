import { Module } from '@nestjs/common';
import { CustomersModule } from './customers';
import { OrganizationContactModule } from './organization-contact';
import { PlaceholdersModule } from './placeholders/placeholders.module';
import { SearchModule } from './search';
import { TagsModule } from './tags';
import { TimelineModule } from './timeline';

/** The CRM capabilities, one Nest module each (organization contacts, customers, tags, …). */
@Module({
  imports: [TagsModule, CustomersModule, OrganizationContactModule, SearchModule, TimelineModule, PlaceholdersModule],
})
export class CrmModule {}
