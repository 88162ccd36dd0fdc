import type { LoadRequest } from '../load/load-run';
import { type Fixtures, PAGE_SIZE } from './fixtures';
import type { Scenario } from './scenario';

/** The scenarios of issue 12, on the big tenant's biggest organization. */
export function contactScenarios(fixtures: Fixtures, accessToken: string): Scenario[] {
  const auth = { authorization: `Bearer ${accessToken}` };
  const org = fixtures.organizationId;
  const list = (query: string): LoadRequest => ({
    method: 'GET',
    path: `/api/crm/contacts?organizationId=${org}&limit=${PAGE_SIZE}${query}`,
    headers: auth,
  });
  return [
    {
      name: 'list',
      title: `List contacts, page 1 (limit ${PAGE_SIZE}) with total`,
      requests: [list('')],
      expectStatus: 200,
      withCountFloor: true,
    },
    {
      name: 'list-filtered',
      title: 'List filtered by kind + status + owner, with total',
      requests: [list(`&kind=LEAD&status=Active&ownerId=${fixtures.ownerId}`)],
      expectStatus: 200,
      withCountFloor: true,
    },
    {
      name: 'list-cursor',
      title: `List by cursor, page ${fixtures.cursorPage.toLocaleString('en')}`,
      requests: [list(`&cursor=${fixtures.cursor}`)],
      expectStatus: 200,
      withCountFloor: true,
    },
    {
      name: 'search',
      title: `Trigram search \`q\` (${fixtures.searchTerms.length} terms in turn, one with a typo)`,
      requests: fixtures.searchTerms.map((term) => list(`&q=${encodeURIComponent(term)}`)),
      expectStatus: 200,
      withCountFloor: true,
    },
    {
      name: 'detail',
      title: `Contact detail with customer and related records (${fixtures.detailIds.length} ids in turn)`,
      requests: fixtures.detailIds.map((id) => ({ method: 'GET', path: `/api/crm/contacts/${id}`, headers: auth })),
      expectStatus: 200,
      withCountFloor: false,
    },
    {
      name: 'create',
      title: 'Create contact (unique e-mail per request)',
      requests: [
        {
          method: 'POST',
          path: '/api/crm/contacts',
          headers: { ...auth, 'x-organization-id': org },
          body: JSON.stringify({
            firstName: 'Bench',
            lastName: 'Created [<id>]',
            email: 'bench.[<id>]@created.bench.test',
            kind: 'LEAD',
            status: 'Prospect',
          }),
        },
      ],
      idReplacement: true,
      expectStatus: 201,
      withCountFloor: false,
    },
    {
      name: 'login',
      title: 'Login (argon2id verify + session)',
      requests: [
        {
          method: 'POST',
          path: '/api/auth/login',
          body: JSON.stringify({ email: fixtures.manifest.bigTenant.adminEmail, password: fixtures.manifest.password }),
        },
      ],
      expectStatus: 200,
      connections: 10,
      withCountFloor: false,
    },
  ];
}
