import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Activity, ContactDetail } from '../api/types';
import { navigate } from '../router';
import { noGrant, useSession } from '../session';
import { Empty, ErrorNote, formatDate, GuardedButton, Loading, money, useLoad } from '../ui';
import { ContactForm } from './contact-form';
import { AddNoteOrActivity } from './record-notes';
import { RecordTickets } from './tickets';
import { TimelineList } from './timeline';

export function ContactDetailView({ id }: { id: string }): JSX.Element {
  const session = useSession();
  const role = session.me.memberships.find((m) => m.organizationId === session.organizationId)?.role ?? '';
  const [version, setVersion] = useState(0);
  const detail = useLoad(() => api.get<ContactDetail>(`/crm/contacts/${id}`), [id, version]);
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const refresh = (): void => setVersion((n) => n + 1);

  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!detail.data) return <Loading what="the contact" />;
  const contact = detail.data;
  const canEdit =
    session.can('ORG_CONTACT_EDIT') || (session.can('ORG_CONTACT_EDIT_OWN') && contact.ownerId === session.me.user.id);
  const canDelete = session.can('ORG_CONTACT_EDIT');

  async function remove(): Promise<void> {
    if (!confirm(`Delete ${contact.name}? This cannot be undone.`)) return;
    try {
      await api.delete(`/crm/contacts/${contact.id}`);
      navigate('/contacts');
    } catch (error) {
      setActionError(error);
    }
  }
  async function complete(activity: Activity): Promise<void> {
    try {
      await api.post(`/activities/${activity.id}/complete`, {});
      refresh();
    } catch (error) {
      setActionError(error);
    }
  }

  return (
    <article aria-labelledby="contact-title" class="detail">
      <p>
        <a href="#/contacts">← Contacts</a>
      </p>
      <div class="view-head">
        <h2 id="contact-title">{contact.name}</h2>
        <div class="actions">
          <GuardedButton type="button" onClick={() => setEditing(true)} denied={!canEdit && noGrant(role)}>
            Edit
          </GuardedButton>
          <GuardedButton
            type="button"
            class="danger"
            onClick={() => void remove()}
            denied={!canDelete && noGrant(role)}
          >
            Delete
          </GuardedButton>
        </div>
      </div>
      <ErrorNote error={actionError} />
      <div class="columns">
        <div>
          <section class="panel" aria-label="Fields">
            <dl class="fields">
              <dt>E-mail</dt>
              <dd>{contact.email ?? '—'}</dd>
              <dt>Phone</dt>
              <dd>{contact.phone ?? '—'}</dd>
              <dt>Job title</dt>
              <dd>{contact.jobTitle ?? '—'}</dd>
              <dt>Kind</dt>
              <dd>{contact.kind}</dd>
              <dt>Status</dt>
              <dd>{contact.status ?? '—'}</dd>
              <dt>Company</dt>
              <dd>
                {contact.customer ? <a href={`#/customers/${contact.customer.id}`}>{contact.customer.name}</a> : '—'}
              </dd>
              <dt>Tags</dt>
              <dd>
                {contact.tags.length === 0
                  ? '—'
                  : contact.tags.map((tag) => (
                      <span key={tag.id} class="tag" style={{ borderColor: tag.color }}>
                        {tag.name}
                      </span>
                    ))}
              </dd>
            </dl>
          </section>
          {contact.openDeals !== undefined ? (
            <section class="panel" aria-labelledby="deals-title">
              <h3 id="deals-title">Open deals</h3>
              {contact.openDeals.length === 0 ? <Empty>No open deals.</Empty> : null}
              <ul class="plain">
                {contact.openDeals.map((deal) => (
                  <li key={deal.id}>
                    <a href="#/deals/board">{deal.title}</a> · {money(deal.value, deal.currency)} ·{' '}
                    <span class="badge">{deal.stage.name}</span>
                    {deal.rotting ? <span class="badge rotting">Rotting</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <RecordTickets path={`/crm/contacts/${contact.id}/tickets`} version={version} />
          {contact.recentActivities !== undefined ? (
            <section class="panel" aria-labelledby="activities-title">
              <h3 id="activities-title">Activities</h3>
              {contact.recentActivities.length === 0 ? <Empty>No activities.</Empty> : null}
              <ul class="plain">
                {contact.recentActivities.map((activity) => (
                  <li key={activity.id} class={`state-${activity.state}`}>
                    <span class="badge">{activity.type}</span> {activity.subject}{' '}
                    <span class="muted">
                      {activity.state === 'completed'
                        ? `done ${formatDate(activity.completedAt)}`
                        : activity.dueAt
                          ? `due ${formatDate(activity.dueAt)}`
                          : activity.state}
                    </span>
                    {activity.state === 'overdue' ? <span class="badge rotting">Overdue</span> : null}
                    {activity.state !== 'completed' ? (
                      <button
                        type="button"
                        class="small secondary"
                        onClick={() => void complete(activity)}
                        aria-label={`Complete ${activity.subject}`}
                      >
                        Complete
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <AddNoteOrActivity subject={{ contactId: contact.id }} onAdded={refresh} />
        </div>
        <TimelineList path={`/crm/contacts/${contact.id}/timeline`} version={version} />
      </div>
      {editing ? (
        <ContactForm
          contact={contact}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            refresh();
          }}
        />
      ) : null}
    </article>
  );
}
