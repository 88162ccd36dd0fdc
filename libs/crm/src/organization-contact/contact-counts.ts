import { CountedTables } from '@clientele/core';

/** Contacts are counted per organization and by kind, `lower(status)` and owner (migration 1764000008000). */
CountedTables.register({
  key: 'contact',
  facets: [{ column: 'contact_type' }, { column: 'status', lowerCase: true }, { column: 'owner_id' }],
});
