/**
 * What the rule engine knows about a whole article while it types names: whether it reports a
 * match (so a town named alone may be its team), and whether a common word that opens the
 * headline is the article's topic name.
 */
import { isAsciiLetter, isDigit, isUpper, type Token } from './token';

/** What the stage knows about the whole article while it types names. */
export interface Evidence {
  text: string;
  /** Does the article report a match? Computed on first need: most articles never ask. */
  sports?: boolean;
}

export function isSports(evidence: Evidence): boolean {
  evidence.sports ??= isSportsReport(evidence.text);
  return evidence.sports;
}

export function collectEvidence(text: string): Evidence {
  return { text };
}

/** Words that show an article reports a match (one regex: the engine scans for their first letters). */
const SPORTS_CUE = /\b(?:innings|wickets?|goals?|scored|beat|match(?:es)?|league|season|half-time|unbeaten|draw|drew|defeated|striker|midfielder|goalkeeper|bowled|batting|rebounds|touchdowns?|inning|homers?|standings|fixtures?|semi-?finals?|quarter-finals?|playoffs?)\b/gi;
/** A score: "3-2", or a number between two names as in results tables ("Newcastle 3 Blackburn 2"). */
const SCORE = / \d{1,3}(?:-\d{1,3})?(?= [A-Z]|\b)/g;

/** An article about a match: several sports words or scores. */
export function isSportsReport(text: string): boolean {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let cues = 0;
  SPORTS_CUE.lastIndex = 0;
  while (SPORTS_CUE.exec(sample)) if (++cues >= 3) return true;
  let scores = 0;
  SCORE.lastIndex = 0;
  for (let m = SCORE.exec(sample); m; m = SCORE.exec(sample)) {
    // "3-2", a number between two names ("Newcastle 3 Blackburn 2"), or a table row ("Surrey 4 3 1").
    const after = m.index + m[0].length;
    const isScore = m[0].includes('-')
      ? /\d-\d/.test(m[0])
      : isAsciiLetter(sample.charCodeAt(m.index - 1)) && sample.charCodeAt(after) === 32 && (isUpper(sample.charCodeAt(after + 1)) || isDigit(sample.charCodeAt(after + 1)));
    if (isScore && ++scores >= 4) return true;
  }
  return false;
}

/** Texts longer than this skip the lower-case search (it scans the article once per word asked). */
const LOWER_SEARCH_LIMIT = 200000;

/**
 * "Apple" in the headline, named again in the text and never written "apple": the common word
 * is the article's topic name. (Table words like "Results" or "Total" repeat too, but not in a
 * mixed-case headline.)
 */
export function isNameNotWord(t: Token, text: string): boolean {
  if (t.info.total < 2 || !t.info.inHeadline || text.length > LOWER_SEARCH_LIMIT) return false;
  t.info.lowerSeen ??= LOWER_WORD_BOUNDARY(t.lower).test(text);
  return !t.info.lowerSeen;
}

export function LOWER_WORD_BOUNDARY(word: string): RegExp {
  // The word is letters only here (common English words), so it needs no escaping.
  return new RegExp(`(?:^|[^A-Za-z])${word}(?![A-Za-z])`);
}
