import { documentRegistry } from '@clientele/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchHitResponse } from './dto/search-hit.response';
import { SearchParams } from './dto/search.params';
import { SearchResponse } from './dto/search.response';
import { SearchSections } from './search-sections';

let described = false;

/**
 * Documents what the registered sections shape: a response field per section, the values of
 * `types` and of a hit's `type`. Runs when the app has bootstrapped (every section is
 * registered by then; the document is built on its first request), once per process.
 */
export function describeSearchApi(): void {
  documentRegistry(SearchResponse, SearchSections, (section) => ({
    type: [SearchHitResponse],
    ...(section.description === undefined ? {} : { description: section.description }),
  }));
  if (described) return;
  described = true;
  ApiPropertyOptional({
    description: 'Sections to search, repeated or comma-separated (`types=contacts,customers`); all by default.',
    enum: SearchSections.keys(),
    isArray: true,
  })(SearchParams.prototype, 'types');
  ApiProperty({ enum: [...new Set(SearchSections.list().map((section) => section.hitType))] })(
    SearchHitResponse.prototype,
    'type',
  );
}
