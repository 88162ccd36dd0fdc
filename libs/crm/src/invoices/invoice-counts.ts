import { CountedTables } from '@clientele/core';

/** Invoices are counted per organization and by status, kind and currency (migration 1764000021600). */
CountedTables.register({
  key: 'invoice',
  facets: [{ column: 'status' }, { column: 'kind' }, { column: 'currency' }],
});
