/** Letters and digits: the only characters pg_trgm builds trigrams from. */
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

/** What the user typed, in the forms the search compares: lowercased text and its words. */
export class SearchTerm {
  private constructor(
    /** Trimmed, lowercased, inner whitespace collapsed: compared with `lower(...)` columns. */
    readonly text: string,
    readonly words: readonly string[],
  ) {}

  static parse(input: string): SearchTerm {
    const text = input.trim().replace(/\s+/g, ' ').toLowerCase();
    return new SearchTerm(text, SearchTerm.wordsOf(text));
  }

  static wordsOf(text: string): string[] {
    return text
      .toLowerCase()
      .split(WORD_SEPARATOR)
      .filter((word) => word.length > 0);
  }

  /**
   * A term without a letter or digit has no trigrams: it can match nothing, and asking the
   * GIN index anyway would make it scan itself whole.
   */
  get isSearchable(): boolean {
    return this.words.length > 0;
  }
}
