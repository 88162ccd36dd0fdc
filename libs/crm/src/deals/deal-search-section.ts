import { Permission, type Transaction } from '@clientele/core';
import { type SearchCandidate, SearchSections, SearchTerm } from '../search';
import { DealEntity } from './entities/deal.entity';

interface DealRow {
  id: string;
  organizationId: string;
  title: string;
  stageName: string | null;
  status: string;
  similarity: number | string;
  exact: boolean;
}

/** Deals by title, through `deal_title_trgm` (`lower(title)`); the subtitle names the stage and status. */
SearchSections.register({
  key: 'deals',
  order: 30,
  hitType: 'deal',
  permissions: [Permission.ORG_DEAL_VIEW],
  description: 'Deals by title.',
  findCandidates: findDealCandidates,
});

async function findDealCandidates(
  tx: Transaction,
  term: SearchTerm,
  organizationIds: readonly string[],
  limit: number,
): Promise<SearchCandidate[]> {
  const rows = await tx
    .repository(DealEntity)
    .query('deal')
    .select('deal.id', 'id')
    .addSelect('deal.organizationId', 'organizationId')
    .addSelect('deal.title', 'title')
    .addSelect('deal.status', 'status')
    .addSelect(
      `(SELECT search_stage.name FROM pipeline_stage search_stage
         WHERE search_stage.id = deal.stage_id AND search_stage.tenant_id = deal.tenant_id)`,
      'stageName',
    )
    .addSelect('lower(deal.title) = :searchTerm', 'exact')
    .addSelect('word_similarity(:searchTerm, lower(deal.title))', 'similarity')
    .andWhere('deal.organizationId = ANY(:sectionOrganizationIds)')
    .andWhere(':searchTerm <% lower(deal.title)')
    .setParameters({ searchTerm: term.text, sectionOrganizationIds: organizationIds })
    .orderBy('exact', 'DESC')
    .addOrderBy('similarity', 'DESC')
    .addOrderBy('deal.title', 'ASC')
    .addOrderBy('deal.id', 'ASC')
    .limit(limit)
    .getRawMany<DealRow>();

  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organizationId,
    title: row.title,
    subtitle:
      [row.stageName, row.status === 'OPEN' ? null : row.status].filter((part) => part !== null).join(' · ') || null,
    similarity: Number(row.similarity),
    exact: row.exact,
    typoTargets: [{ words: SearchTerm.wordsOf(row.title), weight: 1 }],
  }));
}
