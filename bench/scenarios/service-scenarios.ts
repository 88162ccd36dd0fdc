import type { LoadRequest } from '../load/load-run';
import { type Fixtures, PAGE_SIZE } from './fixtures';
import type { Scenario } from './scenario';

/** The service-desk and billing scenarios of issues 26 and 22, on the lists' organization. */
export function serviceScenarios(fixtures: Fixtures, accessToken: string): Scenario[] {
  const auth = { authorization: `Bearer ${accessToken}` };
  const get = (path: string): LoadRequest => ({ method: 'GET', path, headers: auth });
  const organization = `organizationId=${fixtures.organizationId}`;
  return [
    {
      name: 'ticket-list',
      title: `Tickets filtered by status + assignee (limit ${PAGE_SIZE}), with total`,
      requests: [get(`/api/tickets?${organization}&status=OPEN&assigneeId=${fixtures.ownerId}&limit=${PAGE_SIZE}`)],
      expectStatus: 200,
      withCountFloor: true,
    },
    {
      name: 'customer-list',
      title: `Customers by name (limit ${PAGE_SIZE}) with contact count, open tickets, contract status and billing, with total`,
      requests: [get(`/api/crm/customers?${organization}&limit=${PAGE_SIZE}`)],
      expectStatus: 200,
      withCountFloor: true,
    },
    {
      name: 'invoice-list',
      title: `Invoices filtered by status PAID (limit ${PAGE_SIZE}), with total`,
      requests: [get(`/api/invoices?${organization}&status=PAID&limit=${PAGE_SIZE}`)],
      expectStatus: 200,
      withCountFloor: true,
    },
    {
      name: 'invoice-summary',
      title: 'Invoice summary report, January–October 2026, per currency',
      requests: [get(`/api/invoices/summary?${organization}&from=2026-01-01&to=2026-10-31`)],
      expectStatus: 200,
      withCountFloor: false,
    },
  ];
}
