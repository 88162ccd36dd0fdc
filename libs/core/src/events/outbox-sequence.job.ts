import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JobRegistry } from '../scheduler/job-registry';
import { OutboxSequencer } from './outbox-sequencer';

/** Sequences committed outbox events for the feed, about every second (`OUTBOX_SEQUENCE_INTERVAL_MS`). */
@Injectable()
export class OutboxSequenceJob implements OnModuleInit {
  static readonly NAME = 'outbox.sequence';

  constructor(
    private readonly jobs: JobRegistry,
    private readonly sequencer: OutboxSequencer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: OutboxSequenceJob.NAME,
      everyMs: this.config.scheduler.outboxSequenceIntervalMs,
      run: async ({ manager }) => {
        await this.sequencer.sequence(manager);
      },
    });
  }
}
