import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import {
  CrmDisabledError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '../errors/domain-error';
import type { Permission } from '../permissions/permission.enum';
import {
  CRM_ROUTE,
  PUBLIC_ROUTE,
  REQUIRED_PERMISSIONS,
  TENANT_REFS,
  USER_ONLY_ROUTE,
} from '../permissions/permissions.decorator';
import { AccessScope } from '../tenancy/access-scope';
import type { Actor } from '../tenancy/actor';
import { RequestContext } from '../tenancy/request-context';
import { ActorLoader } from './actor-loader';
import { API_KEY_PREFIX } from './api-key-secret';
import { TokenService } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one global guard, deny by default: authenticates the bearer token (an access JWT or a
 * `ck_…` service API key), loads the actor's
 * grants, resolves the organization the request names (404 when not a member), checks the
 * route's grants (403) and puts the resulting scope in CLS for handlers and repositories.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly actors: ActorLoader,
    private readonly context: RequestContext,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    this.context.setRequestId(request.id);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, targets);

    const authenticated = await this.authenticate(request);
    (request.raw as { clienteleTenantId?: string }).clienteleTenantId = authenticated.tenantId;
    const crmRoute = this.reflector.getAllAndOverride<boolean>(CRM_ROUTE, targets) === true;
    const actor = crmRoute ? authenticated.withCrmOrganizationsOnly() : authenticated;

    if (permissions === undefined) {
      // A route that declares neither @Public nor @RequirePermissions is never served.
      throw new ForbiddenError('This route declares no grant and is closed.', 'ROUTE_NOT_DECLARED');
    }
    if (actor.type !== 'user' && this.reflector.getAllAndOverride<boolean>(USER_ONLY_ROUTE, targets) === true) {
      throw new ForbiddenError('Only a logged-in user can do this; API keys cannot.', 'USER_ONLY');
    }
    if (this.reflector.getAllAndOverride<boolean>(TENANT_REFS, targets) === true) {
      assertOwnTenant(request, actor.tenantId);
    }
    const named = requestedOrganizations(request);
    // Every organization the request names must be a membership, not only the one it acts in.
    for (const id of named) {
      if (actor.isMemberOf(id)) continue;
      if (authenticated.isMemberOf(id)) throw new CrmDisabledError(id);
      throw new NotFoundError('ORGANIZATION', id);
    }
    const organizationId = named[0];
    const scope = new AccessScope(actor, permissions, organizationId);
    if (permissions.length > 0 && scope.grantedOrganizationIds.length === 0) {
      throw new ForbiddenError();
    }
    this.context.enter(scope);
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Actor> {
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (match?.[1] === undefined) {
      throw UnauthorizedError.missingCredentials();
    }
    const credential = match[1];
    if (credential.startsWith(API_KEY_PREFIX)) return this.actors.forApiKey(credential);
    return this.actors.forSession(this.tokens.verifyAccessToken(credential));
  }
}

/** The request's JSON body when it is an object (fields can be read), else nothing. */
function bodyObject(request: FastifyRequest): Record<string, unknown> | undefined {
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

/**
 * `field.id` of a body, for references sent as objects as Gauzy's clients do
 * (`organization: { id }`, `tenant: { id }`); a non-object `field` is left for the DTO to refuse.
 */
function referencedId(body: Record<string, unknown> | undefined, field: string): unknown {
  const reference = body?.[field];
  return typeof reference === 'object' && reference !== null && !Array.isArray(reference)
    ? (reference as Record<string, unknown>).id
    : undefined;
}

function uuidField(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw ValidationError.field(field, `${field} must be a UUID`);
  return value.toLowerCase();
}

/**
 * A body may name the tenant (`tenantId`, `tenant: { id }` — Gauzy's clients send both); it
 * must then be the caller's own: any other is a 404, never a switch of tenant. A value that is
 * no UUID is left to the body's validation (a 400 listing every bad field).
 */
function assertOwnTenant(request: FastifyRequest, tenantId: string): void {
  const body = bodyObject(request);
  for (const value of [body?.tenantId, referencedId(body, 'tenant')]) {
    if (typeof value !== 'string' || !UUID.test(value)) continue;
    if (value.toLowerCase() !== tenantId.toLowerCase()) throw new NotFoundError('TENANT', value.toLowerCase());
  }
}

/**
 * The organizations a request names — `organizationId` in the query, `organizationId` and
 * `organization.id` in the body, and `X-Organization-Id` — in that order of precedence, each
 * checked to be a UUID.
 */
function requestedOrganizations(request: FastifyRequest): string[] {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.organizationId;
  const body = bodyObject(request);
  const named: Array<[string, unknown]> = [
    ['organizationId', fromQuery],
    ['organizationId', body?.organizationId],
    ['organization.id', referencedId(body, 'organization')],
    ['organizationId', request.headers['x-organization-id']],
  ];
  return named.filter(([, value]) => value !== undefined).map(([field, value]) => uuidField(value, field));
}
