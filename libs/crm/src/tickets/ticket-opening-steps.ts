import { type RegistryEntry, Registry, type Transaction } from '@clientele/core';
import type { TicketEntity } from './entities/ticket.entity';

/**
 * What another module sets on a ticket as it is opened, before it is first saved, in the same
 * transaction (the contracts module stamps the SLA due times of the policy that applies).
 */
export interface TicketOpeningStep extends RegistryEntry {
  run(tx: Transaction, ticket: TicketEntity, openedAt: Date): Promise<void>;
}

export const TicketOpeningSteps = new Registry<TicketOpeningStep>('ticket opening step');

/** Runs every registered step on a new ticket (the API and inbound e-mail both open tickets). */
export async function runTicketOpeningSteps(
  tx: Transaction,
  ticket: TicketEntity,
  openedAt = new Date(),
): Promise<void> {
  for (const step of TicketOpeningSteps.list()) await step.run(tx, ticket, openedAt);
}
