import { CountedTables } from '@clientele/core';

/** Deals are counted per organization and by pipeline, stage, status and owner (migration 1764000014000). */
CountedTables.register({
  key: 'deal',
  facets: [{ column: 'pipeline_id' }, { column: 'stage_id' }, { column: 'status' }, { column: 'owner_id' }],
});
