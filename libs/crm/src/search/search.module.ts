import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerEntity } from '../customers';
import { ContactEntity } from '../organization-contact';
import { TagEntity } from '../tags';
import { SearchCrmHandler } from './queries/search-crm.handler';
import { SearchController } from './search.controller';
import { ContactSearchSection } from './sections/contact-search.section';
import { CustomerSearchSection } from './sections/customer-search.section';
import { SEARCH_SECTIONS, type SearchSection } from './sections/search-section';

/** `GET /api/crm/search`: one ranked, typo-tolerant search over the CRM's sections. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([ContactEntity, CustomerEntity, TagEntity])],
  controllers: [SearchController],
  providers: [
    SearchCrmHandler,
    ContactSearchSection,
    CustomerSearchSection,
    {
      provide: SEARCH_SECTIONS,
      useFactory: (...sections: SearchSection[]): SearchSection[] => sections,
      inject: [ContactSearchSection, CustomerSearchSection],
    },
  ],
})
export class SearchModule {}
