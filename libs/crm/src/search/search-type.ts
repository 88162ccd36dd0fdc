/** The sections of a CRM search, in the order the response lists them. */
export const SEARCH_TYPES = ['contacts', 'customers', 'deals'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
