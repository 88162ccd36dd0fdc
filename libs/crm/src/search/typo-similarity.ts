/**
 * How close the words typed are to a record's words, forgiving typos: for each typed word
 * the best match among `targetWords` (1 − optimal-string-alignment distance / longer length),
 * averaged over the typed words. Trigrams find candidates but score a transposition
 * ("jnae") the same as a different name ("john"); this tells them apart.
 */
export function typoSimilarity(typedWords: readonly string[], targetWords: readonly string[]): number {
  if (typedWords.length === 0 || targetWords.length === 0) return 0;
  let total = 0;
  for (const typed of typedWords) {
    let best = 0;
    for (const target of targetWords) {
      const longer = Math.max(typed.length, target.length);
      best = Math.max(best, 1 - optimalStringAlignmentDistance(typed, target) / longer);
    }
    total += best;
  }
  return total / typedWords.length;
}

/** Levenshtein distance where swapping two adjacent characters counts as one edit. */
export function optimalStringAlignmentDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  // Three rolling rows: the transposition step looks two rows back.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        distance = Math.min(distance, beforePrevious[j - 2] + 1);
      }
      current.push(distance);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[right.length];
}
