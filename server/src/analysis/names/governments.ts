/**
 * "The Biden administration", "Putin's government", "Biden Administration To Exert Pressure":
 * a person's surname before the word for what they lead is the person, for references, whatever
 * the whole phrase is. The surname becomes a person mention of its own (the corpus then joins it
 * to "Joe Biden"), and a capitalised "Administration" after it is not part of a name.
 */
import { F } from './lexicon';
import type { TaggedName } from '../tagger/tagNames';
import type { Tagger } from '../tagger/tagger';
import { PHRASE_CLASSES } from '../tagger/phrases';
import { Bit, Kind, POSSESSIVE_HASH, hashLower, type Tokens } from '../tagger/tokenize';

/** What a leader leads: written after their name. */
const LED = new Set(['administration', 'government', 'cabinet', 'regime', 'presidency', 'campaign', 'aides', 'allies', 'loyalists', 'era', 'doctrine', 'team', 'camp'].map(hashLower));

const PERSON_KNOWLEDGE = (1 << PHRASE_CLASSES.indexOf('k-leader')) | (1 << PHRASE_CLASSES.indexOf('k-person'));
const NOT_A_PERSON = F.PLACES | F.DEMONYMS | F.KNOWN_ORGS | F.NEWS_OUTLETS | F.KNOWN_ACRONYMS;

export function linkLeaders(tokens: Tokens, names: TaggedName[], tagger: Tagger): TaggedName[] {
  /** Last words of the article's people, gathered on first need (most articles never ask). */
  let surnames: Set<number> | undefined;
  const personLike = (i: number): boolean => {
    const entry = tagger.words.get(tokens, i);
    if (entry.flags & NOT_A_PERSON) return false;
    if (!surnames) {
      surnames = new Set<number>();
      for (const n of names) if (n.type === 'PER') surnames.add(tokens.hash[n.last - 1]);
    }
    const known = tagger.words.index.single.get(tokens.hash[i]) ?? 0;
    return surnames.has(tokens.hash[i]) || (known & PERSON_KNOWLEDGE) !== 0 || (entry.flags & F.PERSON_NAME_SET) !== 0;
  };
  return names.map((n) => {
    const lastWord = n.last - 1;
    // "Biden Administration": a capitalised word for what is led ends the name.
    if (n.last - n.first >= 2 && tokens.kind[lastWord] === Kind.Cap && LED.has(tokens.hash[lastWord]) && personLike(lastWord - 1)) {
      return { ...n, end: tokens.end[lastWord - 1], last: lastWord, type: 'PER' };
    }
    if (n.type === 'PER') return n;
    // "Biden administration", "Putin's government": the word for what is led first, the person after.
    let next = n.last;
    if (next < tokens.count && tokens.hash[next] === POSSESSIVE_HASH && tokens.bits[next] & Bit.Possessive) next++;
    if (next < tokens.count && tokens.kind[next] === Kind.Lower && LED.has(tokens.hash[next]) && personLike(lastWord)) return { ...n, type: 'PER' };
    return n;
  });
}
