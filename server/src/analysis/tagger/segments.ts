/**
 * Where names can be: maximal runs of capitalised tokens, joined across the few lower-case words
 * and marks that sit inside names ("Bank of England", "Daughters of the American Revolution",
 * "Procter & Gamble", "Coca-Cola", "Leonardo da Vinci"). Every other token is outside any name,
 * so the tagger scores only these runs: a fifth of the tokens of news text.
 */
import { MULTI_WORD_NAMES } from '../names/lexicon';
import { Bit, Kind, hashLower, type Tokens } from './tokenize';

/** Lower-case words that may join two capitalised parts of one name. */
const CONNECTORS = new Set(
  ['of', 'the', 'and', 'for', 'de', 'du', 'da', 'das', 'dos', 'del', 'della', 'dello', 'delle', 'degli', 'dei', 'di', 'van', 'von', 'der', 'den', 'ter', 'la', 'le', 'bin', 'ibn', 'el', 'al', 'y', 'on', 'upon', 'en', 'des', 'zu', 'e'].map(hashLower),
);
/** Arabic articles written before a name with a hyphen ("al-Qaeda", "el-Sisi"). */
const ARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'ar', 'an', 'at', 'az', 'ud'].map(hashLower));
const AMPERSAND = hashLower('&');
const HYPHEN = hashLower('-');

const DOLLAR = hashLower('$');

/**
 * Function words that a title-case or shouted line capitalises ("Ellen Vance As Oscar Host",
 * "Harlan Administration To Exert Pressure", "CHINA IN SURPRISE DEFEAT"). There they end a name
 * unless the article's body, or a known name, writes the name with the word ("Centers for
 * Disease Control", "Trinidad and Tobago"). "of" and "the" are left out: names hold them far
 * more often than headlines break on them ("Bank Of England", "Lord Of The Rings").
 */
const TITLE_BREAKS = new Set(
  [
    'as', 'to', 'for', 'in', 'on', 'at', 'with', 'after', 'amid', 'over', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could',
    'may', 'might', 'must', 'should', 'says', 'said', 'say', 'tells', 'and', 'or', 'but', 'by', 'from', 'into', 'onto', 'than', 'vs', 'versus',
    'against', 'before', 'during', 'despite', 'near', 'under', 'about', 'up', 'off', 'out', 'not', 'be', 'been', 'has', 'have', 'had',
    'its', 'his', 'her', 'their', 'if', 'when', 'while', 'ahead', 'via', 'among', 'amongst', 'through', 'without', 'within', 'toward',
    'towards', 'behind', 'beyond', 'across', 'gets', 'wins', 'takes', 'sees', 'set', 'sets', 'faces', 'named', 'hit', 'hits',
  ].map(hashLower),
);

/** Hashes of (word, function word, word) as known multi-word names write them ("bosnia and herzegovina"). */
const KNOWN_TRIPLES = new Set<number>();
for (const name of MULTI_WORD_NAMES) {
  const words = name.split(' ');
  for (let i = 1; i + 1 < words.length; i++) {
    const h = hashLower(words[i]);
    if (TITLE_BREAKS.has(h)) KNOWN_TRIPLES.add(tripleKey(hashLower(words[i - 1]), h, hashLower(words[i + 1])));
  }
}

function tripleKey(a: number, b: number, c: number): number {
  return Math.imul(Math.imul(a ^ (a >>> 13), 0x2c1b3c6d) ^ b, 0x297a2d39) ^ c;
}

/** Lines whose capitals prove nothing: a title-case or shouted line. */
const CAPITALISED_LINE = Bit.TitleLine | Bit.ShoutLine;

/**
 * Which tokens are capitalised function words that end a name in a title-case or shouted line
 * (TITLE_BREAKS), or undefined when there are none. A word the body writes between the same two
 * capitalised words ("Centers for Disease Control"), or a known name holds, does not.
 */
export function titleBreaks(tokens: Tokens): Uint8Array | undefined {
  const { count, kind, bits, hash } = tokens;
  let out: Uint8Array | undefined;
  let body: Set<number> | undefined;
  for (let i = 1; i + 1 < count; i++) {
    if (!(bits[i] & CAPITALISED_LINE) || (kind[i] !== Kind.Cap && kind[i] !== Kind.Upper) || !TITLE_BREAKS.has(hash[i])) continue;
    if (!isNameShaped(tokens, i - 1) || !isNameShaped(tokens, i + 1) || bits[i + 1] & Bit.LineStart) continue;
    const key = tripleKey(hash[i - 1], hash[i], hash[i + 1]);
    body ??= bodyTriples(tokens);
    if (body.has(key) || KNOWN_TRIPLES.has(key)) continue;
    (out ??= new Uint8Array(count))[i] = 1;
  }
  return out;
}

/** (word, function word, word) as the article's ordinary lines write them inside a name. */
function bodyTriples(tokens: Tokens): Set<number> {
  const { count, bits, hash } = tokens;
  const out = new Set<number>();
  for (let i = 1; i + 1 < count; i++) {
    if (bits[i] & CAPITALISED_LINE || !TITLE_BREAKS.has(hash[i]) || !isNameShaped(tokens, i - 1) || !isNameShaped(tokens, i + 1)) continue;
    out.add(tripleKey(hash[i - 1], hash[i], hash[i + 1]));
  }
  return out;
}

/** A token that may be (part of) a name by its own shape ("US$", "HK$" are currencies, not names). */
export function isNameShaped(tokens: Tokens, i: number): boolean {
  const k = tokens.kind[i];
  if (k !== Kind.Cap && k !== Kind.Upper && k !== Kind.Mixed && k !== Kind.Initial) return false;
  return !(i + 1 < tokens.count && tokens.hash[i + 1] === DOLLAR && tokens.bits[i + 1] & Bit.Glued);
}

/** A connector token at i: a joining word, "&", or a hyphen with no space on either side. */
function isConnector(tokens: Tokens, i: number): boolean {
  const h = tokens.hash[i];
  if (tokens.kind[i] === Kind.Lower) return CONNECTORS.has(h);
  if (tokens.kind[i] !== Kind.Punct) return false;
  if (h === AMPERSAND) return true;
  // "Coca-Cola", "Chester-le-Street" (glued hyphen), "Wal - Mart" (spaced, as tokenised corpora write it).
  if (h === HYPHEN) return i + 1 < tokens.count && ((tokens.bits[i] & Bit.Glued) !== 0) === ((tokens.bits[i + 1] & Bit.Glued) !== 0);
  return false;
}

/** The most tokens one run may have: longer runs ("Aaron Bexley Aaron Bexley ...") are cut, so tagging stays linear. */
export const MAX_RUN = 32;

/**
 * The candidate runs as [start, end) token index pairs, flattened into one array. A run starts
 * and ends on a name-shaped token; up to two connectors in a row join two name-shaped tokens on
 * one line ("of the"). `breaks` marks the capitalised function words of title-case lines
 * (titleBreaks), which no run crosses.
 */
export function findSegments(tokens: Tokens, breaks = titleBreaks(tokens)): number[] {
  const out: number[] = [];
  const n = tokens.count;
  // A capitalised function word of a title-case line is outside any name there.
  const shaped = (j: number): boolean => !breaks?.[j] && isNameShaped(tokens, j);
  let i = 0;
  while (i < n) {
    if (!shaped(i) && !isArticlePrefix(tokens, i)) {
      i++;
      continue;
    }
    const start = i;
    let end = shaped(i) ? i + 1 : i + 3;
    for (;;) {
      if (end - start >= MAX_RUN) break;
      if (end < n && shaped(end) && !(tokens.bits[end] & Bit.LineStart)) {
        end++;
        continue;
      }
      // One or two connectors, then a name-shaped token on the same line.
      let j = end;
      while (j < n && j - end < 2 && isConnector(tokens, j) && !(tokens.bits[j] & Bit.LineStart)) j++;
      if (j > end && j < n && shaped(j) && !(tokens.bits[j] & Bit.LineStart)) {
        end = j + 1;
        continue;
      }
      // "Lee Teng-hui", "Kwok Ka-ki": a glued hyphen and a lower-case syllable end a name (the
      // tagger learns that "Kyiv-based" does not).
      if (end + 1 < n && tokens.hash[end] === HYPHEN && tokens.bits[end] & Bit.Glued && tokens.bits[end + 1] & Bit.Glued && tokens.kind[end + 1] === Kind.Lower) {
        end += 2;
        continue;
      }
      if (end + 2 < n && isArticlePrefix(tokens, end) && !(tokens.bits[end] & Bit.Glued)) {
        end += 3;
        continue;
      }
      break;
    }
    out.push(start, end);
    i = end;
  }
  return out;
}

/** "al-" before a capitalised word, glued: the start of a name ("al-Qaeda", "al-Abadi"). */
function isArticlePrefix(tokens: Tokens, i: number): boolean {
  return (
    i + 2 < tokens.count &&
    tokens.hash[i + 1] === HYPHEN &&
    tokens.kind[i] === Kind.Lower &&
    ARTICLES.has(tokens.hash[i]) &&
    (tokens.bits[i + 1] & Bit.Glued) !== 0 &&
    (tokens.bits[i + 2] & Bit.Glued) !== 0 &&
    isNameShaped(tokens, i + 2)
  );
}
