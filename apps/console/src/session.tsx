import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api/types';

export interface SessionState {
  me: Me;
  organizationId: string;
  /** Whether the current organization's role grants `grant` (ALL_ORG_VIEW / ALL_ORG_EDIT cover the rest). */
  can(grant: string): boolean;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside a logged-in shell');
  return session;
}

export function grantsCheck(grants: readonly string[]): (grant: string) => boolean {
  return (grant) =>
    grants.includes(grant) ||
    (grant.endsWith('_VIEW') && grants.includes('ALL_ORG_VIEW')) ||
    (/_EDIT(_OWN)?$/.test(grant) && grants.includes('ALL_ORG_EDIT'));
}

/** The reason shown on a disabled button. */
export function noGrant(role: string): string {
  return `Your role (${role}) may not do this.`;
}
