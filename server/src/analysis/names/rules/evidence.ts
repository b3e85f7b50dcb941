/**
 * What the rule engine knows about a whole article while it types names: whether it reports a
 * match (so a town named alone may be its team), and whether a common word that opens the
 * headline is the article's topic name.
 */
import { Bit, Kind, hashLower, type Tokens } from '../../tagger/tokenize';
import { isAsciiLetter, isDigit, isUpper, type Token } from './token';

/** What the stage knows about the whole article while it types names. */
export interface Evidence {
  text: string;
  /** The article's tokens (tagger/tokenize.ts). */
  tokens: Tokens;
  /** Does the article report a match? Computed on first need: most articles never ask. */
  sports?: boolean;
}

export function isSports(evidence: Evidence): boolean {
  evidence.sports ??= isSportsReport(evidence.text, evidence.tokens);
  return evidence.sports;
}

export function collectEvidence(text: string, tokens: Tokens): Evidence {
  return { text, tokens };
}

/** Words that show an article reports a match, by their lower-case token hash. */
const SPORTS_CUES = new Set(
  [
    'innings', 'wicket', 'wickets', 'goal', 'goals', 'scored', 'beat', 'match', 'matches', 'league', 'season', 'unbeaten', 'draw', 'drew',
    'defeated', 'striker', 'midfielder', 'goalkeeper', 'bowled', 'batting', 'rebounds', 'touchdown', 'touchdowns', 'inning', 'homer',
    'homers', 'standings', 'fixture', 'fixtures', 'semifinal', 'semifinals', 'playoff', 'playoffs', 'soccer', 'cricket', 'rugby',
    'baseball', 'basketball', 'halftime', 'coach', 'quarterback',
  ].map(hashLower),
);
/** Cues written with a hyphen: first word → the words that may follow it ("half-time", "semi-final", "quarter-finals"). */
const HYPHENED_CUES = new Map<number, Set<number>>([
  [hashLower('half'), new Set([hashLower('time')])],
  [hashLower('semi'), new Set(['final', 'finals'].map(hashLower))],
  [hashLower('quarter'), new Set(['final', 'finals'].map(hashLower))],
]);
const HYPHEN = hashLower('-');
/** How much of an article the test reads. */
const SPORTS_SAMPLE = 20000;
/** A score: "3-2", or a number between two names as in results tables ("Newcastle 3 Blackburn 2"). */
const SCORE = / \d{1,3}(?:-\d{1,3})?(?= [A-Z]|\b)/g;

/** Counts the sports words among the tokens of the sample, up to `enough`. */
function sportsCues(tokens: Tokens, enough: number): number {
  const { count, start, kind, hash, bits } = tokens;
  let cues = 0;
  for (let i = 0; i < count && start[i] < SPORTS_SAMPLE; i++) {
    if (kind[i] === Kind.Punct || kind[i] === Kind.Number) continue;
    const h = hash[i];
    if (SPORTS_CUES.has(h)) {
      if (++cues >= enough) return cues;
      continue;
    }
    const after = HYPHENED_CUES.get(h);
    if (after && i + 2 < count && hash[i + 1] === HYPHEN && bits[i + 1] & Bit.Glued && bits[i + 2] & Bit.Glued && after.has(hash[i + 2])) {
      if (++cues >= enough) return cues;
      i += 2;
    }
  }
  return cues;
}

/**
 * A wire sports headline names its sport first: "SOCCER - ...", "Cricket: ...", "RUGBY UNION -
 * ...", "NFL AMERICAN FOOTBALL-...".
 */
const SPORT_HEADLINE = /^[\s\uFEFF]*(?:[A-Z]{2,4} )?(?:soccer|football|american football|cricket|rugby(?: union| league)?|tennis|golf|baseball|basketball|ice hockey|hockey|athletics|cycling|boxing|motor racing|motorsport|formula one|horse racing|racing|sailing|swimming|skiing|volleyball|handball|snooker|squash|badminton|rowing|olympics|nfl|nba|nhl|mlb)\s?(?:[-:\u2013\u2014]|\.\.\.)/i;

/** An article about a match: a sports headline, several sports words, or scores and a sports word. */
export function isSportsReport(text: string, tokens: Tokens): boolean {
  if (SPORT_HEADLINE.test(text.slice(0, 80))) return true;
  const cues = sportsCues(tokens, 3);
  if (cues >= 3) return true;
  // Scores alone are also prices, rates and dates ("111-20", "3-2 vote"): sports words must back them.
  if (cues < 2) return false;
  const sample = text.length > SPORTS_SAMPLE ? text.slice(0, SPORTS_SAMPLE) : text;
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
