import { Injectable } from '@nestjs/common';
import type { Transaction } from '../database/unit-of-work';
import type { OrganizationEntity } from '../tenancy/entities/organization.entity';

/** What another module gives a new organization (its default records), in the creating transaction. */
export interface OrganizationCreationStep {
  /** The registering module, for the duplicate check and for errors. */
  readonly name: string;
  /** `tx` acts inside the new organization: scoped writes there are stamped and allowed. */
  run(tx: Transaction, organization: OrganizationEntity): Promise<void>;
}

/**
 * The extension point of organization creation (signup and `POST /organizations`): modules that
 * give every organization its first records (the pipelines module: the default pipeline)
 * register a step in `onModuleInit`. Core never imports them.
 */
@Injectable()
export class OrganizationCreationSteps {
  private readonly steps = new Map<string, OrganizationCreationStep>();

  register(step: OrganizationCreationStep): void {
    if (this.steps.has(step.name)) throw new Error(`organization creation step ${step.name} is registered twice`);
    this.steps.set(step.name, step);
  }

  async run(tx: Transaction, organization: OrganizationEntity): Promise<void> {
    const inside = tx.inNewOrganization(organization.id);
    // One after the other: the transaction holds one connection.
    for (const step of this.steps.values()) await step.run(inside, organization);
  }
}
