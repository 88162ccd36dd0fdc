import type { LoadRequest } from '../load/load-run';
import { type Fixtures, PAGE_SIZE } from './fixtures';
import type { Scenario } from './scenario';

/** The sales scenarios of issue 21, on the same organization as the contact lists. */
export function salesScenarios(fixtures: Fixtures, accessToken: string): Scenario[] {
  const auth = { authorization: `Bearer ${accessToken}` };
  const get = (path: string): LoadRequest => ({ method: 'GET', path, headers: auth });
  return [
    {
      name: 'deal-board',
      title: 'Deal board of the default pipeline (6 stages, first page of each, counts and sums per currency)',
      requests: [get(`/api/deals/board?pipelineId=${fixtures.pipelineId}`)],
      expectStatus: 200,
      withCountFloor: false,
    },
    {
      name: 'deal-list',
      title: `Deals filtered by stage + owner (limit ${PAGE_SIZE}), with total`,
      requests: [
        get(
          `/api/deals?organizationId=${fixtures.organizationId}&stageId=${fixtures.stageId}&ownerId=${fixtures.ownerId}&limit=${PAGE_SIZE}`,
        ),
      ],
      expectStatus: 200,
      withCountFloor: true,
    },
    {
      name: 'timeline',
      title: `Contact timeline, page 1 (${fixtures.timelineIds.length} contacts in turn)`,
      requests: fixtures.timelineIds.map((id) => get(`/api/crm/contacts/${id}/timeline`)),
      expectStatus: 200,
      withCountFloor: false,
    },
  ];
}
