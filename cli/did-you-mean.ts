/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment),
 * so that "tset" is one edit from "test", as a typist would count it. Case is ignored.
 */
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/**
 * The candidate a mistyped word most likely meant: the nearest one within a third of the word's
 * length (at least 2 edits), or one the word is the start of ("plat" → "platform"); none when
 * nothing is near enough to be a typo.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best) return best;
  const prefixed = word.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(word.toLowerCase())) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** " Did you mean X?" for a sentence that names the unknown word, or nothing. */
export function didYouMeanText(
  word: string,
  candidates: readonly string[],
  show: (candidate: string) => string = (c) => c,
): string {
  const guess = didYouMean(word, candidates);
  return guess ? ` Did you mean ${show(guess)}?` : '';
}
