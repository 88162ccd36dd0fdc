import { Injectable } from '@nestjs/common';
import type { ScheduledJob } from './scheduled-job';

/** The jobs of every module; a module registers its own from `onModuleInit`. */
@Injectable()
export class JobRegistry {
  private readonly jobs = new Map<string, ScheduledJob>();

  register(job: ScheduledJob): void {
    if (this.jobs.has(job.name)) throw new Error(`Scheduled job ${job.name} is registered twice`);
    if (!Number.isInteger(job.everyMs) || job.everyMs < 1)
      throw new Error(`Scheduled job ${job.name} needs everyMs ≥ 1`);
    this.jobs.set(job.name, job);
  }

  get(name: string): ScheduledJob | undefined {
    return this.jobs.get(name);
  }

  all(): readonly ScheduledJob[] {
    return [...this.jobs.values()];
  }
}
