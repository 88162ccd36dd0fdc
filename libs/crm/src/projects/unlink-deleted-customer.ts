import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import { type CustomerEntity, CustomerDeletionSteps } from '../customers';
import { ProjectEntity } from './entities/project.entity';
import { projectSnapshot, recordProjectChange } from './events/project.events';
import { loadProjectContactIds } from './project-parties';

/**
 * When a customer is deleted its projects stay, with no customer (the work happened): each is
 * unlinked in the deleting transaction and recorded as a `project.updated`.
 */
@Injectable()
export class UnlinkProjectsOfDeletedCustomer implements OnModuleInit {
  constructor(private readonly steps: CustomerDeletionSteps) {}

  onModuleInit(): void {
    this.steps.register({ name: 'projects', run: (tx, customer) => this.unlink(tx, customer) });
  }

  private async unlink(tx: Transaction, customer: CustomerEntity): Promise<void> {
    const projects = tx.repository(ProjectEntity);
    const linked = await projects
      .query('project', 'visible')
      .andWhere('project.organizationId = :organizationId', { organizationId: customer.organizationId })
      .andWhere('project.customerId = :customerId', { customerId: customer.id })
      .orderBy('project.id')
      .setLock('pessimistic_write')
      .getMany();
    for (const project of linked) {
      const contactIds = await loadProjectContactIds(tx, project.id);
      const before = projectSnapshot(project, contactIds);
      project.customerId = null;
      const saved = await projects.save(project);
      await recordProjectChange(tx, 'updated', saved, { before, after: projectSnapshot(saved, contactIds) });
    }
  }
}
