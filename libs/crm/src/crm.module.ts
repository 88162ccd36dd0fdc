import { Module } from '@nestjs/common';
import { CustomersModule } from './customers';
import { OrganizationContactModule } from './organization-contact';
import { SearchModule } from './search';
import { TagsModule } from './tags';

/** The CRM capabilities, one Nest module each (organization contacts, customers, tags, …). */
@Module({ imports: [TagsModule, CustomersModule, OrganizationContactModule, SearchModule] })
export class CrmModule {}
