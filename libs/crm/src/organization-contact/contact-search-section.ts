import { Permission, type Transaction } from '@clientele/core';
import { CustomerEntity, customerSearchText } from '../customers';
import { type SearchCandidate, SearchSections, SearchTerm } from '../search';
import { ContactEntity } from './entities/contact.entity';

/** A match on the contact's company counts a little less than one on the contact itself. */
const COMPANY_MATCH_WEIGHT = 0.9;
/** Companies whose contacts join the candidates; the best-matching ones first. */
const MATCHED_COMPANIES = 50;

interface ContactRow {
  id: string;
  organizationId: string;
  name: string;
  email: string | null;
  companyName: string | null;
  similarity: number | string;
  exact: boolean;
}

/** Contacts by name, e-mail, phone (`contact.search_text`) and by their company's name or domain. */
SearchSections.register({
  key: 'contacts',
  order: 10,
  hitType: 'contact',
  permissions: [Permission.ORG_CONTACT_VIEW],
  findCandidates: findContactCandidates,
});

async function findContactCandidates(
  tx: Transaction,
  term: SearchTerm,
  organizationIds: readonly string[],
  limit: number,
): Promise<SearchCandidate[]> {
  // Resolved first (an InitPlan) so contacts can be fetched by `customer_id = ANY(...)`
  // through their index instead of joining every contact to test its company.
  const companies = tx
    .repository(CustomerEntity)
    .query('matchedCompany')
    .select('matchedCompany.id')
    .andWhere('matchedCompany.organizationId = ANY(:sectionOrganizationIds)')
    .andWhere(`:searchTerm <% ${customerSearchText('matchedCompany')}`)
    .orderBy(`word_similarity(:searchTerm, ${customerSearchText('matchedCompany')})`, 'DESC')
    .limit(MATCHED_COMPANIES);

  const rows = await tx
    .repository(ContactEntity)
    .query('contact')
    .leftJoin('contact.customer', 'company')
    .select('contact.id', 'id')
    .addSelect('contact.organizationId', 'organizationId')
    .addSelect('contact.name', 'name')
    .addSelect('contact.primaryEmail', 'email')
    .addSelect('company.name', 'companyName')
    .addSelect('coalesce(lower(contact.primaryEmail) = :searchTerm, false)', 'exact')
    .addSelect(
      `greatest(word_similarity(:searchTerm, contact.searchText),
                coalesce(word_similarity(:searchTerm, ${customerSearchText('company')}), 0) * ${COMPANY_MATCH_WEIGHT})`,
      'similarity',
    )
    .andWhere('contact.organizationId = ANY(:sectionOrganizationIds)')
    .andWhere(`(:searchTerm <% contact.searchText OR contact.customerId = ANY(ARRAY(${companies.getQuery()})))`)
    .setParameters(companies.getParameters())
    .setParameters({ searchTerm: term.text, sectionOrganizationIds: organizationIds })
    .orderBy('exact', 'DESC')
    .addOrderBy('similarity', 'DESC')
    .addOrderBy('contact.name', 'ASC')
    .addOrderBy('contact.id', 'ASC')
    .limit(limit)
    .getRawMany<ContactRow>();

  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organizationId,
    title: row.name,
    subtitle: [row.email, row.companyName].filter((part) => part !== null && part !== '').join(' · ') || null,
    similarity: Number(row.similarity),
    exact: row.exact,
    typoTargets: [
      { words: SearchTerm.wordsOf(row.name), weight: 1 },
      { words: SearchTerm.wordsOf(row.companyName ?? ''), weight: COMPANY_MATCH_WEIGHT },
    ],
  }));
}
