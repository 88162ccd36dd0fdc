import type { Transaction } from '@clientele/core';
import { DocumentSequenceEntity } from './entities/document-sequence.entity';
import type { InvoiceKind } from './invoice-status';
import { formatDocumentNumber } from './invoice-number';

/**
 * The next number of the organization's `kind` documents in `year`, gap-free: the sequence row
 * is created if missing (a concurrent creation is ignored) and locked `FOR UPDATE` until the
 * calling transaction ends, so concurrent sends queue on it and each takes the next number; a
 * transaction that rolls back gives its number back. Never `MAX(number) + 1`.
 */
export async function nextDocumentNumber(
  tx: Transaction,
  organizationId: string,
  kind: InvoiceKind,
  year: number,
  prefix: string,
): Promise<string> {
  const sequences = tx.repository(DocumentSequenceEntity);
  await sequences.insertOrIgnore(sequences.create({ organizationId, kind, year, lastNumber: 0 }));
  const sequence = await sequences
    .query('sequence')
    .andWhere('sequence.organizationId = :sequenceOrganizationId', { sequenceOrganizationId: organizationId })
    .andWhere('sequence.kind = :sequenceKind', { sequenceKind: kind })
    .andWhere('sequence.year = :sequenceYear', { sequenceYear: year })
    .setLock('pessimistic_write')
    .getOneOrFail();
  sequence.lastNumber += 1;
  await sequences.save(sequence);
  return formatDocumentNumber(prefix, year, sequence.lastNumber);
}
