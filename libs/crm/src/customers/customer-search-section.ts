import { Permission, type Transaction } from '@clientele/core';
import { type SearchCandidate, SearchSections, SearchTerm } from '../search';
import { customerSearchText } from './customer-search-text';
import { CustomerEntity } from './entities/customer.entity';

interface CustomerRow {
  id: string;
  organizationId: string;
  name: string;
  domain: string | null;
  similarity: number | string;
  exact: boolean;
}

/** Customers (companies) by name and primary domain. */
SearchSections.register({
  key: 'customers',
  order: 20,
  hitType: 'customer',
  // The grant the customers list asks for.
  permissions: [Permission.ORG_CONTACT_VIEW],
  findCandidates: findCustomerCandidates,
});

async function findCustomerCandidates(
  tx: Transaction,
  term: SearchTerm,
  organizationIds: readonly string[],
  limit: number,
): Promise<SearchCandidate[]> {
  const rows = await tx
    .repository(CustomerEntity)
    .query('customer')
    .select('customer.id', 'id')
    .addSelect('customer.organizationId', 'organizationId')
    .addSelect('customer.name', 'name')
    .addSelect('customer.primaryDomain', 'domain')
    .addSelect(
      'coalesce(lower(customer.primaryDomain) = :searchTerm OR lower(customer.name) = :searchTerm, false)',
      'exact',
    )
    .addSelect(`word_similarity(:searchTerm, ${customerSearchText('customer')})`, 'similarity')
    .andWhere('customer.organizationId = ANY(:sectionOrganizationIds)')
    .andWhere(`:searchTerm <% ${customerSearchText('customer')}`)
    .setParameters({ searchTerm: term.text, sectionOrganizationIds: organizationIds })
    .orderBy('exact', 'DESC')
    .addOrderBy('similarity', 'DESC')
    .addOrderBy('customer.name', 'ASC')
    .addOrderBy('customer.id', 'ASC')
    .limit(limit)
    .getRawMany<CustomerRow>();

  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organizationId,
    title: row.name,
    subtitle: row.domain,
    similarity: Number(row.similarity),
    exact: row.exact,
    typoTargets: [{ words: [...SearchTerm.wordsOf(row.name), ...SearchTerm.wordsOf(row.domain ?? '')], weight: 1 }],
  }));
}
