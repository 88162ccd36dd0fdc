import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument, countedTotal, CountedTables, Permission } from '@clientele/core';
import { CONTACT_MEMBERS } from '@clientele/crm';
import { CustomerColumns } from '@clientele/crm/customers';
import { ContactDetailSections } from '@clientele/crm/organization-contact';
import { SearchSections, type SearchTerm } from '@clientele/crm/search';
import { TagLinks, tagSummariesSql } from '@clientele/crm/tags';
import { TimelineSources } from '@clientele/crm/timeline';
import {
  bearer,
  createTestApp,
  expectProblem,
  signupTenant,
  type TenantFixture,
  type TestApp,
} from '@clientele/testing';

// A module joining the registries from its own file, before the app starts: nothing in the
// search or contacts modules knows about it.
SearchSections.register({
  key: 'widgets',
  order: 25,
  hitType: 'widget',
  permissions: [Permission.ORG_CONTACT_VIEW],
  description: 'Widgets by name (a test section).',
  findCandidates: (_tx, term: SearchTerm, organizationIds) =>
    Promise.resolve(
      term.text === 'sprocket'
        ? [
            {
              id: '00000000-0000-4000-8000-000000000001',
              organizationId: organizationIds[0] ?? '',
              title: 'Sprocket',
              subtitle: null,
              similarity: 1,
              exact: true,
              typoTargets: [{ words: ['sprocket'], weight: 1 }],
            },
          ]
        : [],
    ),
});
/** What registering a taken key did, before the app froze the registry. */
const duplicate = ((): unknown => {
  try {
    SearchSections.register({
      key: 'widgets',
      hitType: 'x',
      permissions: [],
      findCandidates: () => Promise.resolve([]),
    });
    return undefined;
  } catch (error) {
    return error;
  }
})();
ContactDetailSections.register({
  key: 'widgetNotes',
  order: 50,
  description: 'Widget notes (a test section).',
  load: (reader, contact) => {
    // Read in the request's scope like any section would.
    const visible = reader.scope().visibleOrganizationIds.includes(contact.organizationId);
    return Promise.resolve([{ about: contact.name, visible }]);
  },
});

describe('open registries', () => {
  let t: TestApp;
  let acme: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    acme = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists each registry in its order, placeholders included, and is frozen once the app is up', () => {
    expect(SearchSections.keys()).toEqual(['contacts', 'customers', 'widgets', 'deals']);
    expect(ContactDetailSections.keys()).toEqual([
      'openDeals',
      'recentActivities',
      'notes',
      'tickets',
      'recentInvoices',
      'widgetNotes',
    ]);
    expect(CustomerColumns.keys()).toEqual(['openTicketCount', 'contractStatus', 'billingSummary']);
    expect(TagLinks.keys()).toEqual(expect.arrayContaining(['contact_tag', 'customer_tag']));
    expect(CountedTables.keys()).toEqual(expect.arrayContaining(['contact', 'customer']));
    expect(TimelineSources.keys()).toEqual(expect.arrayContaining(['activities', 'notes']));
    for (const registry of [
      SearchSections,
      ContactDetailSections,
      CustomerColumns,
      TimelineSources,
      TagLinks,
      CountedTables,
    ]) {
      expect(registry.isFrozen).toBe(true);
    }
    expect(() =>
      TimelineSources.register({ key: 'late', subjects: ['contact'], load: () => Promise.resolve([]) }),
    ).toThrow('timeline source "late" registered after the app started');
  });

  it('refused a key taken twice, keeping the first entry', () => {
    expect(duplicate).toBeInstanceOf(Error);
    expect((duplicate as Error).message).toBe('search section "widgets" is registered twice');
    expect(SearchSections.get('widgets').hitType).toBe('widget');
  });

  it('serves a registered search section in the response, in `types` and in the document', async () => {
    const all = await t.http.get('/api/crm/search?q=sprocket').set(bearer(acme.admin)).expect(200);
    expect(Object.keys(all.body as object)).toEqual(['contacts', 'customers', 'widgets', 'deals']);
    expect(all.body).toMatchObject({
      contacts: [],
      customers: [],
      deals: [],
      widgets: [{ type: 'widget', title: 'Sprocket', organizationId: acme.organizationId, score: 1 }],
    });
    const only = await t.http.get('/api/crm/search?q=sprocket&types=widgets').set(bearer(acme.admin)).expect(200);
    expect(only.body).toMatchObject({ contacts: [], widgets: [{ title: 'Sprocket' }] });
    const bad = await t.http.get('/api/crm/search?q=sprocket&types=gadgets').set(bearer(acme.admin));
    expectProblem(bad, 400, 'VALIDATION_FAILED', ['types']);
    expect(JSON.stringify(bad.body)).toContain('types must be among contacts, customers, widgets, deals');

    const document = buildOpenApiDocument(t.app);
    const schemas = document.components?.schemas ?? {};
    expect(Object.keys((schemas.SearchResponse as { properties: object }).properties)).toEqual([
      'contacts',
      'customers',
      'widgets',
      'deals',
    ]);
    expect(JSON.stringify(schemas.SearchResponse)).toContain('Widgets by name (a test section).');
    expect(JSON.stringify(schemas.SearchHitResponse)).toContain('"enum":["contact","customer","widget","deal"]');
    const types = document.paths['/api/crm/search']?.get?.parameters?.find(
      (parameter) => 'name' in parameter && parameter.name === 'types',
    );
    expect(JSON.stringify(types)).toContain('"enum":["contacts","customers","widgets","deals"]');
  });

  it('adds a registered detail section to the contact view, loaded in the request scope', async () => {
    const created = await t.http
      .post('/api/crm/contacts')
      .set(bearer(acme.admin))
      .send({ firstName: 'Ada', lastName: 'Registry' })
      .expect(201);
    const detail = await t.http
      .get(`/api/crm/contacts/${(created.body as { id: string }).id}`)
      .set(bearer(acme.admin))
      .expect(200);
    const body = detail.body as Record<string, unknown>;
    expect(Object.keys(body).slice(-6)).toEqual([
      'openDeals',
      'recentActivities',
      'notes',
      'tickets',
      'recentInvoices',
      'widgetNotes',
    ]);
    expect(body).toMatchObject({ openDeals: [], tickets: [], widgetNotes: [{ about: 'Ada Registry', visible: true }] });
  });

  it('reads counters only of a registered table and of the columns its migration counts', () => {
    expect(() => countedTotal('invoice_payment', acme.tenantId, [acme.organizationId], [])).toThrow(
      'no counted table "invoice_payment" is registered',
    );
    expect(() =>
      countedTotal('contact', acme.tenantId, [acme.organizationId], [{ column: 'name', value: 'x' }]),
    ).toThrow('contact.name is not counted');
    expect(() =>
      countedTotal('contact', acme.tenantId, [acme.organizationId], [{ column: 'status', value: 'x' }]),
    ).toThrow('contact.status is not counted');
    expect(
      countedTotal('contact', acme.tenantId, [acme.organizationId], [{ column: 'owner_id', value: 'x' }])?.sql,
    ).toContain('FROM contact_facet_count facet');
  });

  it('takes only registered tag links in the tag helpers', () => {
    expect(() => tagSummariesSql(CONTACT_MEMBERS, 'contact')).toThrow('contact_member is not a registered tag link');
  });
});
