import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Contact, Customer, Deal, Page } from '../api/types';
import { Empty, ErrorNote, Loading, money, useLoad } from '../ui';
import { AddNoteOrActivity } from './record-notes';
import { RecordTickets } from './tickets';
import { TimelineList } from './timeline';

const CONTRACT: Record<Customer['contractStatus'], string> = {
  ACTIVE: 'Active',
  EXPIRING: 'Expiring',
  EXPIRED: 'Expired',
  NONE: 'No contract',
};

/** A customer's support-contract state (NONE / ACTIVE / EXPIRING / EXPIRED) as a labelled badge. */
function ContractBadge({ status }: { status: Customer['contractStatus'] }): JSX.Element {
  return <span class={`badge contract-${status}`}>{CONTRACT[status]}</span>;
}

export function CustomersView(): JSX.Element {
  const [q, setQ] = useState('');
  const list = useLoad(() => api.get<Page<Customer>>('/crm/customers', { limit: 50, q, sort: 'name' }), [q]);
  return (
    <section aria-labelledby="customers-title">
      <div class="view-head">
        <h2 id="customers-title">Customers {list.data ? <span class="count">{list.data.total}</span> : null}</h2>
        <label class="inline">
          <span>Filter by name</span>
          <input type="search" value={q} onInput={(event) => setQ(event.currentTarget.value)} />
        </label>
      </div>
      <ErrorNote error={list.error} />
      {list.loading ? <Loading what="customers" /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Empty>{q.trim() === '' ? 'No customers yet.' : `No customer matches “${q}”.`}</Empty>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <div class="table-wrap">
          <table class="table stack">
            <caption class="visually-hidden">Customers</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" class="wide">
                  Kind
                </th>
                <th scope="col" class="wide">
                  Contacts
                </th>
                <th scope="col">Open tickets</th>
                <th scope="col">Contract</th>
                <th scope="col">Billing</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((customer) => (
                <tr key={customer.id}>
                  <td class="lead">
                    <a href={`#/customers/${customer.id}`}>{customer.name}</a>
                  </td>
                  <td class="wide" data-label="Kind">
                    <span class="badge">{customer.kind}</span>
                  </td>
                  <td class="wide num" data-label="Contacts">
                    {customer.contactCount}
                  </td>
                  <td class="num" data-label="Open tickets">
                    {customer.openTicketCount}
                  </td>
                  <td data-label="Contract">
                    <ContractBadge status={customer.contractStatus} />
                  </td>
                  <td data-label="Billing">{customer.billingSummary ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function CustomerDetailView({ id }: { id: string }): JSX.Element {
  const [version, setVersion] = useState(0);
  const customer = useLoad(() => api.get<Customer>(`/crm/customers/${id}`), [id]);
  const contacts = useLoad(() => api.get<Page<Contact>>(`/crm/customers/${id}/contacts`, { limit: 100 }), [id]);
  const deals = useLoad(() => api.get<Page<Deal>>(`/crm/customers/${id}/deals`, { limit: 100 }), [id]);
  if (customer.error) return <ErrorNote error={customer.error} />;
  if (!customer.data) return <Loading what="the customer" />;
  const c = customer.data;
  return (
    <article aria-labelledby="customer-title" class="detail">
      <p>
        <a href="#/customers">← Customers</a>
      </p>
      <div class="view-head">
        <h2 id="customer-title">{c.name}</h2>
      </div>
      <div class="columns">
        <div>
          <section class="panel" aria-label="Fields">
            <dl class="fields">
              <dt>Kind</dt>
              <dd>{c.kind}</dd>
              <dt>Domain</dt>
              <dd>{c.primaryDomain ?? '—'}</dd>
              <dt>Open tickets</dt>
              <dd class="num">{c.openTicketCount}</dd>
              <dt>Contract</dt>
              <dd>
                <ContractBadge status={c.contractStatus} />
              </dd>
              <dt>Billing</dt>
              <dd>{c.billingSummary ?? '—'}</dd>
              <dt>Notes</dt>
              <dd>{c.notes ?? '—'}</dd>
            </dl>
          </section>
          <section class="panel" aria-labelledby="customer-contacts">
            <h3 id="customer-contacts">
              Contacts {contacts.data ? <span class="count">{contacts.data.total}</span> : null}
            </h3>
            <ErrorNote error={contacts.error} />
            {contacts.loading ? <Loading what="contacts" /> : null}
            {contacts.data && contacts.data.items.length === 0 ? <Empty>No contacts.</Empty> : null}
            {contacts.data && contacts.data.items.length > 0 ? (
              <ul class="plain">
                {contacts.data.items.map((contact) => (
                  <li key={contact.id}>
                    <a href={`#/contacts/${contact.id}`}>{contact.name}</a>{' '}
                    <span class="muted">{contact.jobTitle ?? ''}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section class="panel" aria-labelledby="customer-deals">
            <h3 id="customer-deals">Deals {deals.data ? <span class="count">{deals.data.total}</span> : null}</h3>
            <ErrorNote error={deals.error} />
            {deals.loading ? <Loading what="deals" /> : null}
            {deals.data && deals.data.items.length === 0 ? <Empty>No deals.</Empty> : null}
            {deals.data && deals.data.items.length > 0 ? (
              <ul class="plain">
                {deals.data.items.map((deal) => (
                  <li key={deal.id}>
                    {deal.title} · {money(deal.value, deal.currency)} · <span class="badge">{deal.stage.name}</span>
                    {deal.status !== 'OPEN' ? <span class="badge">{deal.status}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <RecordTickets path={`/crm/customers/${c.id}/tickets`} version={version} />
          <AddNoteOrActivity subject={{ customerId: c.id }} onAdded={() => setVersion((n) => n + 1)} />
        </div>
        <TimelineList path={`/crm/customers/${c.id}/timeline`} version={version} />
      </div>
    </article>
  );
}
