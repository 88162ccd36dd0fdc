import type { ScopedReader, UnitOfWork } from '@clientele/core';

/**
 * Typed words match when this share of their trigrams appears in a run of the record's text
 * (pg_trgm's default is 0.6). 0.4 lets one transposed word of two through — "jnae doe" shares
 * 5 of 9 trigrams with "jane doe" — and the ranking sorts out the looser matches it admits.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.4;

/** Where records are read from: the request's reader, or a transaction's scoped repositories. */
export type RecordSource = Pick<ScopedReader, 'repository'>;

/**
 * Runs `read` where `<%` forgives typos at `WORD_SIMILARITY_THRESHOLD`: in a transaction with
 * the threshold `SET LOCAL` when `typoTolerant` (a session-level SET would leak to whatever
 * request borrows the pooled connection next), else on the reader, without the round trips.
 */
export async function readTypoTolerant<T>(
  uow: UnitOfWork,
  reader: ScopedReader,
  typoTolerant: boolean,
  read: (source: RecordSource) => Promise<T>,
): Promise<T> {
  if (!typoTolerant) return read(reader);
  return uow.run(async (tx) => {
    await tx.setLocal('pg_trgm.word_similarity_threshold', WORD_SIMILARITY_THRESHOLD);
    return read(tx);
  });
}
