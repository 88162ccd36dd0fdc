import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from './actor';
import { RequestContext } from './request-context';

/**
 * Work outside a request (scheduler jobs, consumers, the relay) in one tenant, as the system
 * actor: a CLS context of its own, so `UnitOfWork.run` and `ScopedReader` work as in a handler,
 * scoped to the tenant and seeing all its organizations. Audit entries name no author
 * (`actor_type` `system`, `actor_id` null).
 */
@Injectable()
export class SystemContext {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  async runAsSystem<T>(tenantId: string, work: (actor: Actor) => Promise<T>): Promise<T> {
    const organizations: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM organization WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY id`,
      [tenantId],
    );
    const actor = Actor.system(
      tenantId,
      organizations.map((organization) => organization.id),
    );
    return this.context.runAs(actor, [], () => work(actor));
  }
}
