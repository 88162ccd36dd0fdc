import type { FieldError, Me, Problem, Tokens } from './types';

/** A refusal of the API, carrying its problem+json document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
  /** The message for one field, from the problem's `errors`. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((error: FieldError) => error.field === field)?.message;
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

const ORG_KEY = 'clientele.organizationId';

/**
 * The API session: the access token lives in memory only; the refresh token is the HttpOnly
 * cookie the server sets on `/api/auth`, so a reload refreshes without the page ever reading it.
 */
class Session {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  organizationId: string | null = localStorage.getItem(ORG_KEY);

  get loggedIn(): boolean {
    return this.accessToken !== null;
  }

  setOrganization(id: string | null): void {
    this.organizationId = id;
    if (id === null) localStorage.removeItem(ORG_KEY);
    else localStorage.setItem(ORG_KEY, id);
  }

  async login(email: string, password: string, mfaCode?: string): Promise<void> {
    const tokens = await this.send<Tokens>('POST', '/auth/login', {
      body: { email, password, ...(mfaCode ? { mfaCode } : {}) },
      anonymous: true,
    });
    this.accessToken = tokens.accessToken;
  }

  /** A new access token from the refresh cookie; false when there is no live session. */
  refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      try {
        const tokens = await this.send<Tokens>('POST', '/auth/refresh', { body: {}, anonymous: true });
        this.accessToken = tokens.accessToken;
        return true;
      } catch {
        this.accessToken = null;
        return false;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  async logout(): Promise<void> {
    try {
      await this.send('POST', '/auth/logout', { body: {} });
    } finally {
      this.accessToken = null;
    }
  }

  me(): Promise<Me> {
    return this.get<Me>('/auth/me');
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('GET', path, { query });
  }
  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, { body });
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PATCH', path, { body });
  }
  delete(path: string): Promise<void> {
    return this.send<void>('DELETE', path, {});
  }

  /** A list export (CSV) of the same filters, as a file the browser saves. */
  async download(path: string, query: Query, filename: string): Promise<void> {
    const response = await this.fetch('GET', path, { query: { ...query, format: 'csv' } }, 'text/csv');
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async send<T>(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; anonymous?: boolean },
  ): Promise<T> {
    const response = await this.fetch(method, path, options, 'application/json');
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async fetch(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; anonymous?: boolean },
    accept: string,
    retried = false,
  ): Promise<Response> {
    const url = new URL(`/api${path}`, location.origin);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: `${accept}, application/problem+json` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (!options.anonymous && this.accessToken !== null) headers.authorization = `Bearer ${this.accessToken}`;
    if (!options.anonymous && this.organizationId !== null) headers['x-organization-id'] = this.organizationId;
    const response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401 && !options.anonymous && !retried && (await this.refresh())) {
      return this.fetch(method, path, options, accept, true);
    }
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return {
      type: body.type ?? 'about:blank',
      title: body.title ?? response.statusText,
      status: body.status ?? response.status,
      detail: body.detail ?? body.title ?? `The server answered ${response.status}.`,
      code: body.code ?? 'UNKNOWN',
      errors: body.errors,
    };
  } catch {
    return {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: `The server answered ${response.status} ${response.statusText}.`,
      code: 'UNKNOWN',
    };
  }
}

/** The message to show for any failure: the problem's `detail`, or the error's own. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail;
  return error instanceof Error ? error.message : String(error);
}

export const api = new Session();
