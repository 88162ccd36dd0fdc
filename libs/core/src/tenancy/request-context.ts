import { Injectable } from '@nestjs/common';
import { ClsService, type ClsStore } from 'nestjs-cls';
import { UnauthorizedError } from '../errors/domain-error';
import type { Permission } from '../permissions/permission.enum';
import { AccessScope } from './access-scope';
import type { Actor } from './actor';

export interface ClienteleStore extends ClsStore {
  scope?: AccessScope;
  requestId?: string;
  /** Versions listed in `If-Match` (`*` matches any); undefined when the header is absent. */
  ifMatch?: readonly string[];
}

/** The request's actor and scope, kept in CLS so singleton handlers can reach them. */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<ClienteleStore>) {}

  /** The current scope; a handler reached without one is a bug, answered as 401. */
  scope(): AccessScope {
    const scope = this.cls.isActive() ? this.cls.get('scope') : undefined;
    if (scope === undefined) throw new UnauthorizedError();
    return scope;
  }

  optionalScope(): AccessScope | undefined {
    return this.cls.isActive() ? this.cls.get('scope') : undefined;
  }

  requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.get('requestId') : undefined;
  }

  enter(scope: AccessScope): void {
    this.cls.set('scope', scope);
  }

  setRequestId(requestId: string): void {
    if (this.cls.isActive()) this.cls.set('requestId', requestId);
  }

  ifMatch(): readonly string[] | undefined {
    return this.cls.isActive() ? this.cls.get('ifMatch') : undefined;
  }

  setIfMatch(versions: readonly string[]): void {
    if (this.cls.isActive()) this.cls.set('ifMatch', versions);
  }

  /** Work outside a request (seeding, consumers, schedulers) runs with an explicit actor. */
  runAs<T>(
    actor: Actor,
    permissions: readonly Permission[],
    work: () => Promise<T>,
    organizationId?: string,
  ): Promise<T> {
    return this.cls.run(() => {
      this.cls.set('scope', new AccessScope(actor, permissions, organizationId));
      return work();
    });
  }
}
