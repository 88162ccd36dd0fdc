import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, messageOf } from './api/client';
import type { Me } from './api/types';
import { navigate, useRoute } from './router';
import { grantsCheck, SessionContext, type SessionState } from './session';
import { Loading } from './ui';
import { ContactDetailView } from './views/contact-detail';
import { ContactsView } from './views/contacts';
import { CustomerDetailView, CustomersView } from './views/customers';
import { DealsView } from './views/deals';
import { LoginView } from './views/login';
import { SearchBar } from './views/search';

export function App(): JSX.Element {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);

  async function loadMe(): Promise<void> {
    try {
      setMe(await api.me());
    } catch (error) {
      setFailure(messageOf(error));
      setMe(null);
    }
  }

  useEffect(() => {
    // A reload: the HttpOnly refresh cookie may still hold a session.
    void api.refresh().then((live) => (live ? loadMe() : setMe(null)));
  }, []);

  if (me === undefined) return <Loading what="your session" />;
  if (me === null) {
    return (
      <LoginView
        notice={failure}
        onLoggedIn={() => {
          setFailure(null);
          void loadMe();
        }}
      />
    );
  }
  return (
    <Shell
      me={me}
      onLogout={async () => {
        await api.logout().catch(() => undefined);
        setMe(null);
      }}
    />
  );
}

function Shell({ me, onLogout }: { me: Me; onLogout: () => Promise<void> }): JSX.Element {
  const route = useRoute();
  const stored = api.organizationId;
  const membership = me.memberships.find((m) => m.organizationId === stored) ?? me.memberships[0];
  const [organizationId, setOrganizationId] = useState(membership?.organizationId ?? '');
  useEffect(() => {
    if (api.organizationId !== organizationId) api.setOrganization(organizationId || null);
  }, [organizationId]);
  const current = me.memberships.find((m) => m.organizationId === organizationId);
  const session = useMemo<SessionState>(
    () => ({ me, organizationId, can: grantsCheck(current?.grants ?? []) }),
    [me, organizationId, current],
  );
  if (api.organizationId !== organizationId) api.setOrganization(organizationId || null);

  const [section = 'contacts', id] = route;
  // A new view: move focus to it, so a keyboard or screen-reader user starts there (not on first load).
  const path = route.join('/');
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (shown.current !== null && shown.current !== path) document.getElementById('main')?.focus();
    shown.current = path;
  }, [path]);
  let view: JSX.Element;
  if (section === 'contacts' && id) view = <ContactDetailView key={id} id={id} />;
  else if (section === 'customers' && id) view = <CustomerDetailView key={id} id={id} />;
  else if (section === 'customers') view = <CustomersView />;
  else if (section === 'deals') view = <DealsView mode={id === 'board' ? 'board' : 'list'} />;
  else view = <ContactsView />;

  const tabs = [
    { key: 'contacts', label: 'Contacts' },
    { key: 'customers', label: 'Customers' },
    { key: 'deals', label: 'Deals' },
  ];
  return (
    <SessionContext.Provider value={session}>
      <a
        class="skip"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <div class="layout">
        <nav class="sidebar" aria-label="Modules">
          <a class="module active" href="#/contacts" aria-current="true" title="CRM">
            <span aria-hidden="true">◎</span> CRM
          </a>
        </nav>
        <div class="workspace">
          <header class="topbar">
            <h1 class="brand">Clientele CRM</h1>
            <SearchBar key={organizationId} />
            <div class="account">
              {me.memberships.length > 1 ? (
                <label class="inline">
                  <span>Organization</span>
                  <select
                    value={organizationId}
                    onChange={(event) => {
                      setOrganizationId(event.currentTarget.value);
                      navigate(`/${section}`);
                    }}
                  >
                    {me.memberships.map((m) => (
                      <option key={m.organizationId} value={m.organizationId}>
                        {m.organizationName}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <span class="org">{current?.organizationName}</span>
              )}
              <span class="who">
                {me.user.name} <span class="role">{current?.role}</span>
              </span>
              <button type="button" class="secondary" onClick={() => void onLogout()}>
                Log out
              </button>
            </div>
          </header>
          <nav class="tabs" aria-label="CRM sections">
            {tabs.map((tab) => (
              <a
                key={tab.key}
                href={`#/${tab.key}`}
                class={section === tab.key ? 'tab active' : 'tab'}
                aria-current={section === tab.key ? 'page' : undefined}
              >
                {tab.label}
              </a>
            ))}
          </nav>
          <main id="main" tabIndex={-1} key={organizationId}>
            {view}
          </main>
        </div>
      </div>
    </SessionContext.Provider>
  );
}
