import { CountedTables } from '@clientele/core';

/** Tickets are counted per organization and by status, priority and assignee (migration 1764000018000). */
CountedTables.register({
  key: 'ticket',
  facets: [{ column: 'status' }, { column: 'priority' }, { column: 'assignee_id' }],
});
