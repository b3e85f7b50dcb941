/**
 * One type per name per article: the tagger reads each mention in its own context, and a word
 * such as "Jobs" or "Cisco" may come out differently in two sentences. Here the article votes.
 *
 * - A name written the same way several times takes the type most of its mentions have. A
 *   person's full name votes for its surname ("Steve Jobs" for "Jobs"), a company's full name
 *   for its first word ("Brelland Computer Inc." for "Brelland"), and a mention the rules read
 *   from its context ("east of Morvasht") or a dateline ("LANTRY, Merovia") counts three times.
 * - Words the tagger left out (a sentence start, a title-case headline) become names when the
 *   article names them so elsewhere: "Jobs resigned" after "Steve Jobs"; "Orvex" in the headline
 *   "Chipmaker Orvex To Cut Jobs" after "Orvex shares fell".
 * - In a title-case or shouted headline, where every word is capitalised, a name stands only when the
 *   body (if there is one) supports it (its words are capitalised in the body, or the rules know it from a list):
 *   "Exert Pressure" in "Biden Administration To Exert Pressure on Russia" does not.
 */
import { COMMON, COMMON_NAME_WORDS, PERSON_NAME_SET, PLACES } from '../gazetteer/places';
import { F } from './lexicon';
import { TYPES, type NameType } from '../tagger/model';
import { GUESS } from '../tagger/ruleCodes';
import type { ArticleEvidence } from '../tagger/features';
import type { TaggedName, TaggerResult } from '../tagger/tagNames';
import type { Tagger } from '../tagger/tagger';
import { Bit, Kind, hashToken, tokenText, type Tokens } from '../tagger/tokenize';

/** Votes per type (TYPES order) for one spelling. */
type Votes = [number, number, number, number];

/** Each type's place in Votes. */
const TYPE_INDEX: Record<NameType, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };

/** Weight of a mention whose type the rules read from its context or a list, or a dateline. */
const SURE_VOTE = 3;
/** The longest name (in tokens) looked for among the words the tagger left out. */
const LONGEST_RECALL = 4;

export function harmoniseNames(tagged: TaggerResult, tagger: Tagger): TaggedName[] {
  const { tokens } = tagged;
  const hasBody = tokens.count > 0 && !(tokens.bits[tokens.count - 1] & Bit.Headline);
  const names = tagged.names.filter(
    (n) =>
      (!hasBody || !inCapitalisedHeadline(tagged, n.first) || isSure(tagged, n) || bodySupports(tagged, n)) &&
      !isBareCommonWord(tagged, tagger, n) &&
      !isWordBeforeNoun(tagged, tagger, n) &&
      !isAward(tokens, n),
  );
  if (names.length === 0) return names;
  const votes = new Map<number, Votes>();
  /** Hashes of the first words of the spellings voted on, so most words skip the recall. */
  const firsts = new Set<number>();
  /** Each name's own tally, in the order of `names`. */
  const tallies: Votes[] = [];
  const vote = (first: number, last: number, type: NameType, weight: number): Votes => {
    const key = keyOf(tokens, first, last);
    let v = votes.get(key);
    if (!v) votes.set(key, (v = [0, 0, 0, 0]));
    v[TYPE_INDEX[type]] += weight;
    firsts.add(tokens.hash[first]);
    return v;
  };
  for (const n of names) {
    tallies.push(vote(n.first, n.last, n.type, isSure(tagged, n) ? SURE_VOTE : 1));
    if (n.last - n.first < 2) continue;
    if (n.type === 'PER') vote(n.last - 1, n.last, 'PER', 1);
    else if (n.type === 'ORG' && tagger.words.get(tokens, n.last - 1).flags & (F.CORPORATE_FORMS | F.ORG_SUFFIXES)) vote(n.first, n.first + 1, 'ORG', 1);
  }
  const out: TaggedName[] = [];
  const covered = new Uint8Array(tokens.count);
  const surnames = personSurnames(tokens, names);
  for (let k = 0; k < names.length; k++) {
    const n = names[k];
    for (let i = n.first; i < n.last; i++) covered[i] = 1;
    let type = winner(tallies[k]) ?? n.type;
    // "Papermaster" after "Mark Papermaster": a person's surname alone is that person, unless the
    // rules read it otherwise from its context or a list ("Dell shares fell").
    if (type !== 'PER' && n.last - n.first === 1 && surnames?.has(tokens.hash[n.first]) && (firmType(tagged, n.first) ?? 'PER') === 'PER') type = 'PER';
    out.push(type !== n.type ? { ...n, type } : n);
  }
  return recallNamed(tagged, votes, firsts, covered, out);
}

/** The hashes of the last words of the people named in full (two capitalised words or more), or undefined. */
function personSurnames(tokens: Tokens, names: TaggedName[]): Set<number> | undefined {
  let surnames: Set<number> | undefined;
  for (const n of names) {
    if (n.type !== 'PER' || n.last - n.first < 2 || !isWord(tokens, n.first) || !isWord(tokens, n.last - 1)) continue;
    (surnames ??= new Set()).add(tokens.hash[n.last - 1]);
  }
  return surnames;
}

/** The type the rules read for token i from its context or a list, if they did. */
function firmType(tagged: TaggerResult, i: number): NameType | undefined {
  const code = tagged.evidence.ruleCodes?.[i] ?? 0;
  return code && !(code & GUESS) ? TYPES[((code >> 2) & 7) - 1] : undefined;
}

/** Adds the words left out that the article names elsewhere; `out` is in text order. */
function recallNamed(tagged: TaggerResult, votes: Map<number, Votes>, firsts: Set<number>, covered: Uint8Array, out: TaggedName[]): TaggedName[] {
  const { tokens, evidence } = tagged;
  let added = false;
  for (let i = 0; i < tokens.count; i++) {
    if (covered[i] || !isWord(tokens, i) || !firsts.has(tokens.hash[i])) continue;
    for (let length = LONGEST_RECALL; length >= 1; length--) {
      const last = i + length;
      if (last > tokens.count || !spanFree(tokens, covered, i, last)) continue;
      const v = votes.get(keyOf(tokens, i, last));
      const best = v && winner(v);
      if (!best || best === 'MISC') continue;
      // A lone word must stand alone (not "May 5", not inside a longer run of capitalised
      // words), except in a title-case or shouted headline, where every word is capitalised.
      if (length === 1 && !alone(tokens, evidence, i) && !(tokens.bits[i] & (Bit.TitleLine | Bit.ShoutLine))) continue;
      const name = { start: tokens.start[i], end: tokens.end[last - 1], first: i, last, type: best };
      // "Oscar said" does not make "Oscar-winning" a person.
      if (isAward(tokens, name)) continue;
      out.push(name);
      for (let j = i; j < last; j++) covered[j] = 1;
      added = true;
      break;
    }
  }
  if (added) out.sort((a, b) => a.start - b.start);
  return out;
}

/** Lists that make a word a name even where its capital proves nothing. */
const KNOWN_NAME = F.PLACES | F.DEMONYMS | F.KNOWN_ORGS | F.NEWS_OUTLETS | F.KNOWN_ACRONYMS;

/**
 * "Port talks, day 3", "Harvest was poor": a common English word opening a sentence or a line,
 * never capitalised elsewhere in the article, on no list and not a name for the rules, is the
 * word, whatever the tagger thought.
 */
function isBareCommonWord(tagged: TaggerResult, tagger: Tagger, n: TaggedName): boolean {
  const { tokens, evidence } = tagged;
  if (n.last - n.first !== 1 || !(tokens.bits[n.first] & (Bit.SentenceStart | Bit.TitleLine | Bit.ShoutLine))) return false;
  if (evidence.ruleCodes?.[n.first] || evidence.capitalisedMid(tokens.hash[n.first]) > 0) return false;
  const flags = tagger.words.get(tokens, n.first).flags;
  return (flags & F.COMMON) !== 0 && (flags & KNOWN_NAME) === 0;
}

/**
 * Is token i in a headline written in title case or capitals (where a capital proves nothing)?
 * The first line, or any title-case or shouted line that capitalises a function word the way
 * headlines do ("Ellen Vance As Oscar Host" under "Read more", a headline below a site's menu).
 */
function inCapitalisedHeadline(tagged: TaggerResult, i: number): boolean {
  const { tokens, titleBreaks } = tagged;
  const bits = tokens.bits[i];
  if (!(bits & (Bit.TitleLine | Bit.ShoutLine))) return false;
  if (bits & Bit.Headline) return true;
  if (!titleBreaks) return false;
  let first = i;
  while (first > 0 && !(tokens.bits[first] & Bit.LineStart)) first--;
  for (let j = first; j < tokens.count && (j === first || !(tokens.bits[j] & Bit.LineStart)); j++) if (titleBreaks[j]) return true;
  return false;
}

/**
 * Lower-case words after which a capitalised first word is the sentence's subject ("Rice said",
 * "Bush on Monday vetoed", "Frank and Ada", "Gough took three wickets"): a name may stand there,
 * whatever the word means.
 */
const SUBJECT_NEXT = new Set(
  `said says say told tells is was are were has have had will would could can may might should must did does do and or nor but who whose
  which that also then later added spoke wrote asked agreed denied insisted argued claimed warned announced admitted noted replied
  explained believes thinks thought stood won lost scored played of in on at to for with from by as into after before since during
  himself herself itself hit took made ran kept came went got gave held put beat threw caught shot led left struck fell rose sat saw found
  became began broke brought built bought chose drew drove fought flew grew heard knew laid lay meant met paid quit rode sent shook shut
  spent stole swam taught understood wore`
    .split(/\s+/)
    .map(hashToken),
);

/**
 * "Ferry crews in Brannock stopped work", "Rice prices rose", "Bush fires spread": a first word of
 * a sentence that is an ordinary English word (also on a name list), followed by a lower-case word
 * it qualifies, and never capitalised mid-sentence in the article, is the word, not a name. A
 * country, state or region ("Turkey", "Georgia") keeps its name; a city named like a word does not.
 */
function isWordBeforeNoun(tagged: TaggerResult, tagger: Tagger, n: TaggedName): boolean {
  const { tokens, evidence } = tagged;
  const i = n.first;
  if (n.last - i !== 1 || !(tokens.bits[i] & Bit.SentenceStart) || tokens.kind[i] !== Kind.Cap) return false;
  const next = i + 1;
  if (next >= tokens.count || tokens.kind[next] !== Kind.Lower || tokens.bits[next] & (Bit.Glued | Bit.LineStart) || SUBJECT_NEXT.has(tokens.hash[next])) return false;
  // "Bush vetoed the bill": a verb in the past tense makes the first word its subject.
  const nextWord = tokenText(tokens, next);
  if (nextWord.length > 3 && nextWord.endsWith('ed')) return false;
  if (evidence.capitalisedMid(tokens.hash[i]) > 0) return false;
  const flags = tagger.words.get(tokens, i).flags;
  if (flags & (F.DEMONYMS | F.KNOWN_ORGS | F.NEWS_OUTLETS | F.KNOWN_ACRONYMS)) return false;
  const word = tokenText(tokens, i).toLowerCase();
  if (!(flags & F.COMMON) && !COMMON_NAME_WORDS.has(word)) return false;
  // Only a town named like a common word ("Bush", "Save"), not a city the dictionary also lists ("Chicago").
  const city = (flags & F.PLACES) !== 0 && (flags & F.COMMON) !== 0 && PLACES.get(word)?.rule === 'gazetteer:city';
  if (flags & F.PLACES && !city) return false;
  // The rules' reading from the context ("Rice, the minister, said") stands; the gazetteer's
  // reading of a town named like a word proves nothing here.
  const code = evidence.ruleCodes?.[i] ?? 0;
  return !code || (code & GUESS) !== 0 || city;
}

/** Awards named like people ("Emmy", "Tony", "Oscar"), in lower case, and their plurals. */
const AWARDS = new Set(['emmy', 'emmys', 'oscar', 'oscars', 'grammy', 'grammys', 'tony', 'tonys', 'bafta', 'baftas', 'golden globe', 'golden globes', 'juno', 'junos', 'olivier', 'obie', 'obies', 'edgar', 'hugo', 'nebula', 'clio', 'peabody', 'webby', 'webbys', 'annie', 'cesar', 'goya', 'logie', 'logies', 'ariel'].map(hashToken));
/** Words after an award's name that say it is the award ("Emmy nomination", "Oscar-winning"). */
const AWARD_NEXT = new Set(['award', 'awards', 'nomination', 'nominations', 'nominee', 'nominees', 'nod', 'nods', 'win', 'wins', 'winner', 'winners', 'winning', 'statuette', 'ceremony', 'voters', 'race', 'campaign', 'telecast', 'host', 'hosts'].map(hashToken));
const HYPHEN_HASH = hashToken('-');

/**
 * "the Primetime Emmy", "a Daytime Emmy", "Best Picture Oscar", "Emmy nominations", "Oscar-winning":
 * an award named like a person is not one. It is the award when a capitalised word names its kind
 * before it, when it is a plural ("the Emmys"), or when the word after it says so. "Emmy Rossum",
 * "Tony Blair" and "Oscar said" stay people.
 */
function isAward(tokens: Tokens, n: TaggedName): boolean {
  const lastHash = tokens.hash[n.last - 1];
  if (!AWARDS.has(lastHash) || n.type === 'LOC') return false;
  if (n.last - n.first > 1) return n.type !== 'PER' || !isGivenNameBefore(tokens, n.last - 2);
  const word = tokenText(tokens, n.first);
  if (word.endsWith('s') && AWARDS.has(hashToken(word.slice(0, -1)))) return true;
  let next = n.last;
  if (next < tokens.count && tokens.hash[next] === HYPHEN_HASH && tokens.bits[next] & Bit.Glued) next++;
  return next < tokens.count && AWARD_NEXT.has(tokens.hash[next]);
}

/** "Tony" after "Ada": a person whose surname is also an award's name. */
function isGivenNameBefore(tokens: Tokens, i: number): boolean {
  return (tokens.kind[i] === Kind.Cap || tokens.kind[i] === Kind.Initial) && PERSON_NAME_SET.has(tokenText(tokens, i).toLowerCase()) && !COMMON.has(tokenText(tokens, i).toLowerCase());
}

/** Is every capitalised word of the name capitalised somewhere in the article's ordinary lines? */
function bodySupports(tagged: TaggerResult, n: TaggedName): boolean {
  const { tokens, evidence } = tagged;
  for (let i = n.first; i < n.last; i++) {
    if (isWord(tokens, i) && evidence.capitalisedMid(tokens.hash[i]) === 0) return false;
  }
  return true;
}

/** Did the rules read this name's type from its context or a list, or is it a dateline? */
function isSure(tagged: TaggerResult, n: TaggedName): boolean {
  const code = tagged.evidence.ruleCodes?.[n.first] ?? 0;
  const kind = (code >> 2) & 7;
  if (code && !(code & GUESS) && TYPES[kind - 1] === n.type) return true;
  return isDateline(tagged.tokens, n);
}

/** An all-capital name opening a line, followed by a comma or a dash: a dateline. */
function isDateline(tokens: Tokens, n: TaggedName): boolean {
  if (!(tokens.bits[n.first] & Bit.LineStart) || n.last >= tokens.count) return false;
  for (let i = n.first; i < n.last; i++) if (tokens.kind[i] !== Kind.Upper && tokens.kind[i] !== Kind.Punct) return false;
  const after = tokens.text.charCodeAt(tokens.start[n.last]);
  return after === 44 || after === 0x2014 || after === 0x2013 || after === 45;
}

/** The type with the most votes, when one has strictly more than every other. */
function winner(v: Votes): NameType | undefined {
  let best = -1;
  let tie = false;
  for (let t = 0; t < v.length; t++) {
    if (best < 0 || v[t] > v[best]) {
      best = t;
      tie = false;
    } else if (v[t] === v[best]) tie = true;
  }
  return !tie && v[best] > 0 ? TYPES[best] : undefined;
}

function isWord(tokens: Tokens, i: number): boolean {
  const k = tokens.kind[i];
  return k === Kind.Cap || k === Kind.Upper || k === Kind.Mixed;
}

/** Tokens [first, last) are uncovered and start and end with a capitalised word. */
function spanFree(tokens: Tokens, covered: Uint8Array, first: number, last: number): boolean {
  for (let j = first; j < last; j++) if (covered[j]) return false;
  return isWord(tokens, last - 1);
}

/**
 * Is token i a word on its own: no name-shaped word or number right before or after it? A
 * sentence's capitalised first word that the article also writes in lower case ("Chipmaker" with
 * "the chipmaker") is a word, not part of a name.
 */
function alone(tokens: Tokens, evidence: ArticleEvidence, i: number): boolean {
  const shaped = (j: number): boolean => {
    if (j < 0 || j >= tokens.count) return false;
    const k = tokens.kind[j];
    if (tokens.bits[j] & Bit.SentenceStart && k === Kind.Cap && evidence.lowerSeen(tokens.hash[j])) return false;
    return k === Kind.Cap || k === Kind.Upper || k === Kind.Mixed || k === Kind.Initial || k === Kind.Number;
  };
  return !shaped(i - 1) && !shaped(i + 1);
}

/** The lower-cased spelling of tokens [first, last), as a number (their hashes combined). */
function keyOf(tokens: Tokens, first: number, last: number): number {
  let key = tokens.hash[first];
  for (let j = first + 1; j < last; j++) key = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) ^ tokens.hash[j];
  return key;
}
