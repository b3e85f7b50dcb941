/**
 * A regex alternation of `words` that shares common prefixes: "ten|tens|two" becomes
 * "t(?:en(?:s|)|wo)". V8 runs such a trie several times faster than a flat list of words, as
 * it decides on one branch per character instead of trying every word in turn. Longer words
 * come first ("tens" before "ten"); a space in a word matches a space or a no-break space.
 * The words must hold no regex syntax.
 */
export function trieAlternation(words: string[]): string {
  const groups = new Map<string, string[]>();
  let empty = false;
  for (const w of words) {
    if (w === '') {
      empty = true;
      continue;
    }
    const head = w[0];
    const rest = groups.get(head) ?? [];
    rest.push(w.slice(1));
    groups.set(head, rest);
  }
  const parts = [...groups].map(([head, rest]) => `${head === ' ' ? '[ \\u00a0]' : head}${rest.length === 1 && rest[0] === '' ? '' : `(?:${trieAlternation(rest)})`}`);
  // Longer words first: the empty alternative goes last so "tens" is tried before "ten".
  if (empty) parts.push('');
  return parts.join('|');
}
