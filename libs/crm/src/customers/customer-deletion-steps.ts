import { Injectable } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import type { CustomerEntity } from './entities/customer.entity';

/** What another module does to its own rows when a customer is deleted, in the same transaction. */
export interface CustomerDeletionStep {
  /** The registering module, for the duplicate check and for errors. */
  readonly name: string;
  run(tx: Transaction, customer: CustomerEntity): Promise<void>;
}

/**
 * The extension point of customer deletion: modules whose rows point at a customer (contacts
 * today; contracts, assets and invoices next) import `CustomersModule` and, in `onModuleInit`,
 * register a step that updates their own table. The customers module never writes theirs.
 */
@Injectable()
export class CustomerDeletionSteps {
  private readonly steps = new Map<string, CustomerDeletionStep>();

  register(step: CustomerDeletionStep): void {
    if (this.steps.has(step.name)) throw new Error(`customer deletion step ${step.name} is registered twice`);
    this.steps.set(step.name, step);
  }

  async run(tx: Transaction, customer: CustomerEntity): Promise<void> {
    // One after the other: the transaction holds one connection.
    for (const step of this.steps.values()) await step.run(tx, customer);
  }
}
