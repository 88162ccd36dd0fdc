import { Permission } from '@clientele/core';
import { SearchSections } from '../search';

/** Deals by title: no deal exists yet, so the section is always empty. The deals module replaces it. */
SearchSections.register({
  key: 'deals',
  order: 30,
  hitType: 'deal',
  permissions: [Permission.ORG_DEAL_VIEW],
  description: 'Deals by title (empty until deals exist).',
  findCandidates: () => Promise.resolve([]),
});
