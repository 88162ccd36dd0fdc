import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig, type JobContext, JobRegistry, SystemContext } from '@clientele/core';
import { RunBillingCommand } from './commands/run-billing.command';

/** The months a run looks at: UTC's, and the next (zones ahead of UTC reach it first). */
export function scheduledPeriods(now: Date): string[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  const text = ([y, m]: number[]): string => `${y}-${String(m).padStart(2, '0')}`;
  return [text([year, month]), text(next)];
}

/**
 * The in-process monthly billing, off unless `BILLING_RUN_INTERVAL_MS` is set: every interval,
 * for each organization with active billing settings, the run of this month and the next,
 * billing each customer once its day of month has come in its own time zone. The scheduler's
 * leader election keeps one process at it; the run's unique index keeps it idempotent anyway.
 */
@Injectable()
export class BillingRunJob implements OnModuleInit {
  static readonly NAME = 'billing.monthly_run';

  constructor(
    private readonly jobs: JobRegistry,
    private readonly system: SystemContext,
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const everyMs = this.config.scheduler.billingRunIntervalMs;
    if (everyMs > 0) this.jobs.register({ name: BillingRunJob.NAME, everyMs, run: (context) => this.run(context) });
  }

  /** The organizations to bill are found across tenants (the job's own read); each is billed as its tenant's system actor. */
  async run({ manager }: JobContext, now = new Date()): Promise<void> {
    const organizations: Array<{ tenant_id: string; organization_id: string }> = await manager.query(
      `SELECT DISTINCT tenant_id, organization_id FROM billing_settings WHERE active AND deleted_at IS NULL`,
    );
    for (const { tenant_id: tenantId, organization_id: organizationId } of organizations) {
      for (const period of scheduledPeriods(now)) {
        await this.system.runAsSystem(tenantId, () =>
          this.commandBus.execute(new RunBillingCommand({ period, organizationId }, now, true)),
        );
      }
    }
  }
}
