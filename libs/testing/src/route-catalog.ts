import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  AUTHOR_ONLY_ROUTE,
  buildOpenApiDocument,
  CRM_ROUTE,
  type Permission,
  PUBLIC_ROUTE,
  REQUIRED_PERMISSIONS,
  USER_ONLY_ROUTE,
} from '@clientele/core';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route declares to the auth guard, read from its Nest metadata. */
export interface RouteDeclaration {
  readonly public: boolean;
  /** Undefined when the route declares neither `@Public()` nor `@RequirePermissions(...)`. */
  readonly permissions: readonly Permission[] | undefined;
  readonly userOnly: boolean;
  readonly crm: boolean;
  /** `@AuthorOnly()`: the handler refuses records the actor did not write (403), whatever the grants. */
  readonly authorOnly: boolean;
}

export interface ApiOperation {
  readonly method: HttpMethod;
  /** OpenAPI form: `/api/roles/{id}`. */
  readonly path: string;
  /** Undefined when no controller method serves this operation (a bug in the catalog or the app). */
  readonly declaration: RouteDeclaration | undefined;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every operation of the app's OpenAPI document, with the grants its handler declares. The
 * document gives the operations (what clients see); Nest's route metadata gives the guard's
 * view of each, matched by method and path.
 */
export function apiOperations(app: INestApplication, globalPrefix = 'api'): ApiOperation[] {
  const declarations = routeDeclarations(app, globalPrefix);
  const document = buildOpenApiDocument(app);
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      if ((item as Record<string, unknown>)[method.toLowerCase()] === undefined) continue;
      operations.push({ method, path, declaration: declarations.get(`${method} ${path}`) });
    }
  }
  return operations;
}

function routeDeclarations(app: INestApplication, globalPrefix: string): Map<string, RouteDeclaration> {
  const reflector = new Reflector();
  const found = new Map<string, RouteDeclaration>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (controller === null || typeof controller !== 'function') continue;
      const bases = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
      for (const handler of handlersOf(controller)) {
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] as HttpMethod;
        const targets = [handler, controller];
        const declaration: RouteDeclaration = {
          public: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true,
          permissions: reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, targets),
          userOnly: reflector.getAllAndOverride<boolean | undefined>(USER_ONLY_ROUTE, targets) === true,
          crm: reflector.getAllAndOverride<boolean | undefined>(CRM_ROUTE, targets) === true,
          authorOnly: reflector.getAllAndOverride<boolean | undefined>(AUTHOR_ONLY_ROUTE, targets) === true,
        };
        for (const base of bases) {
          for (const path of asArray(paths))
            found.set(`${method} ${openApiPath(globalPrefix, base, path)}`, declaration);
        }
      }
    }
  }
  return found;
}

function handlersOf(controller: { prototype: object }): Array<(...args: unknown[]) => unknown> {
  const handlers: Array<(...args: unknown[]) => unknown> = [];
  for (
    let proto: object | null = controller.prototype;
    proto !== null && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = (proto as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof value === 'function')
        handlers.push(value as (...args: unknown[]) => unknown);
    }
  }
  return handlers;
}

function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value : [value];
}

function openApiPath(...segments: string[]): string {
  const joined = `/${segments.join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '');
  return joined.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
