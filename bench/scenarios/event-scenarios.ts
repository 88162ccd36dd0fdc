import type { Fixtures } from './fixtures';
import type { Scenario } from './scenario';

/** Events per change-feed page: the feed's default. */
const FEED_PAGE = 100;

/** The change feed of issue 23: pages of the big tenant's events, as a consumer catching up reads them. */
export function eventScenarios(fixtures: Fixtures, accessToken: string): Scenario[] {
  const auth = { authorization: `Bearer ${accessToken}` };
  return [
    {
      name: 'change-feed',
      title: `Change feed, ${FEED_PAGE} events after a sequence (${fixtures.feedAfters.length} positions in turn)`,
      requests: fixtures.feedAfters.map((after) => ({
        method: 'GET',
        path: `/api/events?after=${after}&limit=${FEED_PAGE}`,
        headers: auth,
      })),
      expectStatus: 200,
      withCountFloor: false,
    },
  ];
}
