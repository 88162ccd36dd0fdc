import { Registry } from '@clientele/core';
import type { SearchSection } from './sections/search-section';

/**
 * The sections of `GET crm/search`, in the order the response lists them. Each module owning
 * searchable records registers its section from its own files (contacts and customers do;
 * deals have a placeholder until they exist); the search module only iterates them.
 */
export const SearchSections = new Registry<SearchSection>('search section');
