import { describe, expect, it } from 'vitest';
import { TransferStatement } from './crm-transfer';

describe('TransferStatement', () => {
  const merges = new Map([['contact', [{ sourceId: 's1', targetId: 't1', label: 'a@b.test' }]]]);

  it('numbers its parameters after the pair’s four', () => {
    const statement = new TransferStatement(merges);
    expect(statement.param('x')).toBe('$5');
    expect(statement.mergedIds('contact')).toBe('$6::uuid[]');
    expect(statement.parameters).toEqual(['x', ['s1']]);
  });

  it('re-points a column through the merges of a key, and leaves it alone when nothing merged', () => {
    const statement = new TransferStatement(merges);
    const sql = statement.repoint('deal.contact_id', 'contact');
    expect(sql).toContain('unnest($5::uuid[], $6::uuid[]) AS merge(source_id, target_id)');
    expect(sql).toContain('WHERE merge.source_id = deal.contact_id), deal.contact_id)');
    expect(statement.parameters).toEqual([['s1'], ['t1']]);
    expect(statement.repoint('deal.customer_id', 'customer')).toBe('deal.customer_id');
    expect(statement.mergedIds('customer')).toBe('$7::uuid[]');
    expect(statement.parameters[2]).toEqual([]);
  });
});
