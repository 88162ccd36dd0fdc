import type TestAgent from 'supertest/lib/agent';
import { bearer, type Session } from './auth-helpers';
import { unique } from './factories';

export interface ApiKeyFixture {
  readonly id: string;
  readonly secret: string;
}

/** Creates a service API key through the API (as `creator`, who must hold API_KEYS_MANAGE). */
export async function createApiKey(
  http: TestAgent,
  creator: Session,
  input: { grants: string[]; organizationIds: string[]; name?: string; expiresAt?: string },
): Promise<ApiKeyFixture> {
  const response = await http
    .post('/api/api-keys')
    .set(bearer(creator))
    .send({ name: input.name ?? `key-${unique()}`, ...input });
  if (response.status !== 201)
    throw new Error(`create API key answered ${response.status}: ${JSON.stringify(response.body)}`);
  const body = response.body as { id: string; secret: string };
  return { id: body.id, secret: body.secret };
}
