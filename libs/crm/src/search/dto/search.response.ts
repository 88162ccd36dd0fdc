import { ApiProperty } from '@nestjs/swagger';
import type { SearchResults } from '../search-hit';
import { SearchHitResponse } from './search-hit.response';

/** Each section ranked best first; a section not asked for (or not granted) is empty. */
export class SearchResponse {
  @ApiProperty({ type: [SearchHitResponse] })
  contacts: SearchHitResponse[];
  @ApiProperty({ type: [SearchHitResponse] })
  customers: SearchHitResponse[];
  @ApiProperty({ type: [SearchHitResponse], description: 'Deals by title (empty until deals exist).' })
  deals: SearchHitResponse[];

  static from(results: SearchResults): SearchResponse {
    return {
      contacts: results.contacts.map((hit) => SearchHitResponse.from(hit)),
      customers: results.customers.map((hit) => SearchHitResponse.from(hit)),
      deals: results.deals.map((hit) => SearchHitResponse.from(hit)),
    };
  }
}
