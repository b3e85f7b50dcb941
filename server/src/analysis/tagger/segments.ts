/**
 * Where names can be: maximal runs of capitalised tokens, joined across the few lower-case words
 * and marks that sit inside names ("Bank of England", "Daughters of the American Revolution",
 * "Procter & Gamble", "Coca-Cola", "Leonardo da Vinci"). Every other token is outside any name,
 * so the tagger scores only these runs: a fifth of the tokens of news text.
 */
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
 * one line ("of the").
 */
export function findSegments(tokens: Tokens): number[] {
  const out: number[] = [];
  const n = tokens.count;
  let i = 0;
  while (i < n) {
    if (!isNameShaped(tokens, i) && !isArticlePrefix(tokens, i)) {
      i++;
      continue;
    }
    const start = i;
    let end = isNameShaped(tokens, i) ? i + 1 : i + 3;
    for (;;) {
      if (end - start >= MAX_RUN) break;
      if (end < n && isNameShaped(tokens, end) && !(tokens.bits[end] & Bit.LineStart)) {
        end++;
        continue;
      }
      // One or two connectors, then a name-shaped token on the same line.
      let j = end;
      while (j < n && j - end < 2 && isConnector(tokens, j) && !(tokens.bits[j] & Bit.LineStart)) j++;
      if (j > end && j < n && isNameShaped(tokens, j) && !(tokens.bits[j] & Bit.LineStart)) {
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
