import { CountedTables } from '@clientele/core';

/** Customers are counted per organization and by kind and owner (migration 1764000008000). */
CountedTables.register({ key: 'customer', facets: [{ column: 'kind' }, { column: 'owner_id' }] });
