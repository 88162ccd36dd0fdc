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
import { CRM_ROUTE, PUBLIC_ROUTE, REQUIRED_PERMISSIONS, USER_ONLY_ROUTE } from '../permissions/permissions.decorator';
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

/**
 * The organizations a request names — `organizationId` in the query, in the body, and
 * `X-Organization-Id` — in that order of precedence, each checked to be a UUID.
 */
function requestedOrganizations(request: FastifyRequest): string[] {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.organizationId;
  const body = request.body;
  const fromBody =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>).organizationId
      : undefined;
  const fromHeader = request.headers['x-organization-id'];
  return [fromQuery, fromBody, fromHeader]
    .filter((candidate) => candidate !== undefined)
    .map((value) => {
      if (typeof value !== 'string' || !UUID.test(value)) {
        throw ValidationError.field('organizationId', 'organizationId must be a UUID');
      }
      return value.toLowerCase();
    });
}
