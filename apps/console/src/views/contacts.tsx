import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Contact, Member, Page, Tag } from '../api/types';
import { navigate } from '../router';
import { noGrant, useSession } from '../session';
import { Empty, ErrorNote, GuardedButton, Loading, useLoad } from '../ui';
import { ContactForm, KINDS, STATUSES } from './contact-form';

interface Filter {
  kind?: string;
  status?: string;
  ownerId?: string;
  tag?: string;
}
const PAGE = 25;

/** The default view: contacts with filter chips, load more, create, export. */
export function ContactsView(): JSX.Element {
  const session = useSession();
  const role = session.me.memberships.find((m) => m.organizationId === session.organizationId)?.role ?? '';
  const [filter, setFilter] = useState<Filter>({});
  const [items, setItems] = useState<Contact[]>([]);
  const [creating, setCreating] = useState(false);
  const [more, setMore] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const query = { ...filter, limit: PAGE, sort: 'name' };
  const first = useLoad(() => api.get<Page<Contact>>('/crm/contacts', query), [JSON.stringify(filter)]);
  useEffect(() => setItems(first.data?.items ?? []), [first.data]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  useEffect(() => {
    setCursor(first.data?.nextCursor ?? null);
    setTotal(first.data?.total ?? 0);
  }, [first.data]);
  const hasMore = cursor !== null || items.length < total;
  const tags = useLoad(() => api.get<Page<Tag>>('/tags', { limit: 100 }), []);
  const members = useLoad(
    () => api.get<Page<Member>>(`/organizations/${session.organizationId}/members`, { limit: 100 }),
    [],
  );
  const canEdit = session.can('ORG_CONTACT_EDIT');

  async function loadMore(): Promise<void> {
    setMore({ busy: true });
    try {
      const page = await api.get<Page<Contact>>(
        '/crm/contacts',
        cursor !== null ? { ...query, cursor } : { ...query, offset: items.length },
      );
      if (page.items.length === 0) setTotal(items.length);
      setItems([...items, ...page.items]);
      setCursor(page.nextCursor ?? null);
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error });
    }
  }

  const chip = (key: keyof Filter, value: string, label = value): JSX.Element => {
    const on = filter[key] === value;
    return (
      <button
        key={`${key}-${value}`}
        type="button"
        class={on ? 'chip on' : 'chip'}
        aria-pressed={on}
        onClick={() => setFilter({ ...filter, [key]: on ? undefined : value })}
      >
        {label}
      </button>
    );
  };
  const active = Object.values(filter).some((value) => value !== undefined);
  const exportQuery = { ...filter, sort: 'name' };

  return (
    <section aria-labelledby="contacts-title">
      <div class="view-head">
        <h2 id="contacts-title">
          Contacts{' '}
          {first.data ? (
            <span class="count">
              {first.data.total}
              {first.data.totalCapped ? '+' : ''}
            </span>
          ) : null}
        </h2>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() => void api.download('/crm/contacts', exportQuery, 'contacts.csv')}
          >
            Export CSV
          </button>
          {session.can('ORG_CONTACT_VIEW') ? (
            <GuardedButton type="button" onClick={() => setCreating(true)} denied={!canEdit && noGrant(role)}>
              New contact
            </GuardedButton>
          ) : null}
        </div>
      </div>
      <div class="filters" role="group" aria-label="Filters">
        <div class="chip-group" role="group" aria-label="Kind">
          <span class="chip-label">Kind</span>
          {KINDS.slice(0, 5).map((kind) => chip('kind', kind))}
        </div>
        <div class="chip-group" role="group" aria-label="Status">
          <span class="chip-label">Status</span>
          {STATUSES.map((status) => chip('status', status))}
        </div>
        <div class="chip-group" role="group" aria-label="Owner">
          <span class="chip-label">Owner</span>
          {chip('ownerId', session.me.user.id, 'Mine')}
          {members.data ? (
            <select
              aria-label="Owner"
              value={filter.ownerId ?? ''}
              onChange={(event) => setFilter({ ...filter, ownerId: event.currentTarget.value || undefined })}
            >
              <option value="">Anyone</option>
              {members.data.items.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        {tags.data && tags.data.items.length > 0 ? (
          <div class="chip-group" role="group" aria-label="Tag">
            <span class="chip-label">Tag</span>
            {tags.data.items.map((tag) => chip('tag', tag.name))}
          </div>
        ) : null}
        {active ? (
          <button type="button" class="link" onClick={() => setFilter({})}>
            Clear filters
          </button>
        ) : null}
      </div>
      <ErrorNote error={first.error} />
      {first.loading ? <Loading what="contacts" /> : null}
      {!first.loading && first.data && items.length === 0 ? (
        <Empty>{active ? 'No contact matches these filters.' : 'No contacts yet.'}</Empty>
      ) : null}
      {items.length > 0 ? (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">Contacts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col" class="wide">
                  Company
                </th>
                <th scope="col">Kind</th>
                <th scope="col" class="wide">
                  Status
                </th>
                <th scope="col" class="wide">
                  Tags
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((contact) => (
                <tr key={contact.id}>
                  <td>
                    <a href={`#/contacts/${contact.id}`}>{contact.name}</a>
                  </td>
                  <td>{contact.email ?? '—'}</td>
                  <td class="wide">{contact.customer?.name ?? '—'}</td>
                  <td>
                    <span class="badge">{contact.kind}</span>
                  </td>
                  <td class="wide">{contact.status ?? '—'}</td>
                  <td class="wide">
                    {contact.tags.map((tag) => (
                      <span key={tag.id} class="tag" style={{ borderColor: tag.color }}>
                        {tag.name}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorNote error={more.error} />
      {hasMore && items.length > 0 ? (
        <button type="button" class="secondary load-more" onClick={() => void loadMore()} disabled={more.busy}>
          {more.busy ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
      {creating ? (
        <ContactForm
          onClose={() => setCreating(false)}
          onSaved={(contact) => {
            setCreating(false);
            navigate(`/contacts/${contact.id}`);
          }}
        />
      ) : null}
    </section>
  );
}
