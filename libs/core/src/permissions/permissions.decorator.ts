import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Permission } from './permission.enum';

export const PUBLIC_ROUTE = 'clientele:public';
export const REQUIRED_PERMISSIONS = 'clientele:permissions';

/** An open route (health, login, signup, refresh, docs): no token is asked for. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The grants a route needs, any of them. With none listed the route only needs an
 * authenticated actor (e.g. `GET auth/me`). A route with neither decorator is refused.
 */
export const RequirePermissions = (...permissions: Permission[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSIONS, permissions), ApiExtension(REQUIRED_GRANTS_EXTENSION, permissions));

/** The OpenAPI extension listing an operation's grants (any of them); its 403 names them. */
export const REQUIRED_GRANTS_EXTENSION = 'x-required-grants';
/** The OpenAPI extension marking a CRM route; its 404 also shows `CRM_DISABLED`. */
export const CRM_ROUTE_EXTENSION = 'x-crm-route';

export const CRM_ROUTE = 'clientele:crm';

/**
 * A CRM route (contacts, customers, tags, deals, …): organizations with CRM switched off are
 * invisible to it, and naming one answers 404 `CRM_DISABLED` (GitLab: CRM is enabled per group).
 */
export const CrmRoute = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(CRM_ROUTE, true), ApiExtension(CRM_ROUTE_EXTENSION, true));

export const TENANT_REFS = 'clientele:tenant-refs';

/**
 * A route whose bodies may name the tenant, as Gauzy's clients do (`tenantId`, `tenant: { id }`):
 * the guard then answers any tenant but the caller's with 404. Elsewhere such a field is
 * unknown to the body and refused (400).
 */
export const AcceptsTenantRefs = (): MethodDecorator & ClassDecorator => SetMetadata(TENANT_REFS, true);

export const USER_ONLY_ROUTE = 'clientele:user-only';

/**
 * A route about the logged-in person (their session, password, MFA): an API key is refused
 * with 403 `USER_ONLY`, whatever its grants.
 */
export const UserOnly = (): MethodDecorator & ClassDecorator => SetMetadata(USER_ONLY_ROUTE, true);

export const AUTHOR_ONLY_ROUTE = 'clientele:author-only';

/**
 * A route changing a record only its author may change (a comment): the route's grant lets the
 * request through, then the handler refuses anyone else's record with 403, however broad their
 * grants. Declared so the authorization matrix expects that 403 as it does for `*_EDIT_OWN`.
 */
export const AuthorOnly = (): MethodDecorator & ClassDecorator => SetMetadata(AUTHOR_ONLY_ROUTE, true);
