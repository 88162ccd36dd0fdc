import { SetMetadata } from '@nestjs/common';
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
  SetMetadata(REQUIRED_PERMISSIONS, permissions);

export const CRM_ROUTE = 'clientele:crm';

/**
 * A CRM route (contacts, customers, tags, deals, …): organizations with CRM switched off are
 * invisible to it, and naming one answers 404 `CRM_DISABLED` (GitLab: CRM is enabled per group).
 */
export const CrmRoute = (): MethodDecorator & ClassDecorator => SetMetadata(CRM_ROUTE, true);

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
