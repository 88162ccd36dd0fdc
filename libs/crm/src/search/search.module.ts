import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SearchCrmHandler } from './queries/search-crm.handler';
import { describeSearchApi } from './search-api';
import { SearchController } from './search.controller';
import { SearchSections } from './search-sections';

/**
 * `GET /api/crm/search`: one ranked, typo-tolerant search over the sections other modules
 * register in `SearchSections` (contacts, customers, deals, …).
 */
@Module({
  imports: [CqrsModule],
  controllers: [SearchController],
  providers: [SearchCrmHandler],
})
export class SearchModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    SearchSections.freeze();
    describeSearchApi();
  }
}
