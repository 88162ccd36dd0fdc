import { useEffect, useState } from 'preact/hooks';

/** Hash routes (`#/contacts/…`): the API serves one index.html, no server fallback needed. */
export function useRoute(): string[] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = (): void => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean);
}

export function navigate(path: string): void {
  location.hash = `#${path}`;
}
