import { ConcurrentUpdateError, type Transaction } from '@clientele/core';
import { defaultOwnerId } from '../record-ownership';
import { CustomerNameTakenError } from './customer-name-taken.error';
import { customerSnapshot } from './customer-snapshot';
import { CustomerEntity } from './entities/customer.entity';
import { CustomerCreated } from './events/customer.events';

function findByName(tx: Transaction, organizationId: string, name: string): Promise<CustomerEntity | null> {
  return tx
    .repository(CustomerEntity)
    .query('customer', 'visible')
    .andWhere('customer.organizationId = :organizationId', { organizationId })
    .andWhere('lower(customer.name) = lower(:name)', { name })
    .getOne();
}

/**
 * A name must be free before a customer takes it. The check names the holder (`existingId`);
 * the partial unique index `customer_name_uq` stays the backstop against a concurrent insert.
 */
export async function assertCustomerNameFree(
  tx: Transaction,
  organizationId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const holder = await findByName(tx, organizationId, name);
  if (holder !== null && holder.id !== exceptId) {
    throw new CustomerNameTakenError(holder.id, holder.name);
  }
}

/**
 * The organization's customer called `name` (case-insensitive), created when there is none —
 * exactly one however many requests race: the insert is `ON CONFLICT DO NOTHING` on the partial
 * unique index, so a loser waits for the winner's commit, inserts nothing, and reads its row.
 * Null when there is none and `mayCreate` is false (the caller's role cannot create customers).
 */
export async function findOrCreateCustomerByName(
  tx: Transaction,
  organizationId: string,
  name: string,
  mayCreate = true,
): Promise<CustomerEntity | null> {
  const existing = await findByName(tx, organizationId, name);
  if (existing !== null || !mayCreate) return existing;

  const customers = tx.repository(CustomerEntity);
  const inserted = await customers.insertOrIgnore(
    customers.create({ organizationId, name, ownerId: defaultOwnerId(tx.scope) }),
  );
  const customer = await findByName(tx, organizationId, name);
  if (customer === null) {
    // Inserted nothing yet finds nothing: the conflicting row was deleted in between.
    throw new ConcurrentUpdateError('The customer changed concurrently; retry the request.');
  }
  if (inserted) {
    await tx.publish(CustomerCreated, {
      entityId: customer.id,
      organizationId: customer.organizationId,
      after: customerSnapshot(customer, []),
    });
  }
  return customer;
}
