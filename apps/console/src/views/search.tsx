import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { SearchHit, SearchResult } from '../api/types';
import { ErrorNote } from '../ui';

const GROUPS: Array<{ key: keyof SearchResult; label: string; href: (hit: SearchHit) => string }> = [
  { key: 'contacts', label: 'Contacts', href: (hit) => `#/contacts/${hit.id}` },
  { key: 'customers', label: 'Customers', href: (hit) => `#/customers/${hit.id}` },
  { key: 'deals', label: 'Deals', href: () => '#/deals' },
];

/** One search across contacts, customers and deal titles (typo-tolerant), grouped by type. */
export function SearchBar(): JSX.Element {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    if (q.trim().length < 2) {
      setResult(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.get<SearchResult>('/crm/search', { q: q.trim(), limit: 5 }).then(
        (found) => live && (setResult(found), setError(undefined)),
        (failure: unknown) => live && setError(failure),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  const count = result ? result.contacts.length + result.customers.length + result.deals.length : 0;
  return (
    <div class="search" role="search">
      <label for="search" class="visually-hidden">
        Search contacts, customers and deals
      </label>
      <input
        id="search"
        type="search"
        placeholder="Search contacts, companies, deals…"
        value={q}
        onInput={(event) => setQ(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Escape' && setQ('')}
        aria-controls={result ? 'search-results' : undefined}
      />
      <ErrorNote error={error} />
      {result ? (
        <div id="search-results" class="search-results" aria-live="polite" onClick={() => setQ('')}>
          {count === 0 ? <p class="state empty">Nothing matches “{q}”.</p> : null}
          {GROUPS.filter((group) => result[group.key].length > 0).map((group) => (
            <section key={group.key} aria-label={group.label}>
              <h2>{group.label}</h2>
              <ul>
                {result[group.key].map((hit) => (
                  <li key={hit.id}>
                    <a href={group.href(hit)}>
                      {hit.title}
                      {hit.subtitle ? <span class="muted"> · {hit.subtitle}</span> : null}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}
