/**
 * The names stage: people, organizations and places, found by rules and gazetteers and by a
 * learned tagger (tagger/), blended (names/blend.ts).
 *
 * The rules, in one pass over the capitalised words of the article:
 *  1. tokens: every word that starts with a capital letter, with possessives cut off and
 *     abbreviation periods kept ("U.S.", "Corp.");
 *  2. context: is the word at a sentence start, in the headline or in an all-caps line, where a
 *     capital proves nothing? Those words must earn their place (gazetteer, or seen capitalised
 *     mid-sentence elsewhere in the article, or not a common English word);
 *  3. runs: neighbouring capitalised words separated by one space (or "of" after an
 *     organization head, a name particle, "&") form one candidate name;
 *  4. each run loses leading titles (recorded as `role`), is split at words that are never
 *     names, and is typed by gazetteer, shape (suffixes, "X of Y"), given-name list, context;
 *  5. identity keys are assigned per article (surname → full name, aliases, acronyms).
 */
import {
  ABBREVIATIONS,
  COMMON_WORD_GIVEN_NAMES,
  COMPANY_FORMS,
  KNOWN_ACRONYMS,
  KNOWN_ORGS,
  NEWS_OUTLETS,
  PERSON_VERBS,
  ROLE_PREFIX_WORDS,
  SURNAME_PLACE_SUFFIXES,
} from './names/wordLists';
import { DEMONYMS, PLACES, type PlaceEntry } from './gazetteer/places';
import { assignKeys, type Draft } from './names/assignKeys';
import { F, wordFlags } from './names/lexicon';
import { blendNames } from './names/blend';
import { harmoniseNames } from './names/consistency';
import { linkLeaders } from './names/governments';
import { isForeignScript, looksEnglish } from './names/language';
import { shippedTagger, type Tagger } from './tagger/tagger';
import { tagArticle } from './tagger/tagNames';
import { tokenize as tokenizeArticle } from './tagger/tokenize';
import type { EntityMention } from './types';

function has(t: Token, flag: number): boolean {
  return (t.flags & flag) !== 0;
}

/**
 * A capitalised word: an upper-case letter, then letters/digits, optionally joined by inner
 * periods, apostrophes, ampersands or hyphens ("U.S", "O'Neill", "AT&T", "Chester-le-Street"),
 * then an optional final period. Each inner group starts with a punctuation mark that the
 * letter class excludes, so the regex cannot backtrack catastrophically. The first class is a
 * superset of upper-case letters (Latin Extended alternates cases); the code checks the case
 * and that no letter comes before (a lookbehind here halves the scanning speed).
 */
const CAP_TOKEN = /[A-Z\u00c0-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f][\p{L}\p{M}\p{N}]*(?:[.'’&-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
/** The most words one candidate name may have. */
const MAX_RUN_WORDS = 8;
/** Gaps that always join two capitalised words into one name. */
const JOIN_GAP = /^(?:[ \u00a0]|[ \u00a0](?:de|du|da|das|dos|del|della|di|van|von|der|den|ter|la|le|bin|ibn|el|al|abu|y|bint)[ \u00a0]|[ \u00a0](?:al|el|ad|as|ash|ar|an|at|az|ud)-| ?& ?)$/;
/** Gaps that join only after an organization or place head ("Bank of England"). */
const OF_GAP = /^[ \u00a0](?:of|for|of the|for the|on|de la)[ \u00a0]$/;
/** Company-form suffixes written after a comma ("Apple, Inc."). */
const COMMA_SUFFIX = /^(?:inc\.?|ltd\.?|llc|plc|corp\.?|co\.?|l\.p\.|n\.v\.|s\.a\.|ag)$/;
const HAS_LOWER = /\p{Ll}/u;
const HYPHEN_LOWER_TAIL = /-(?:based|led|backed|born|owned|made|run|funded|brokered|style|era|controlled|held|allied|bound|linked|related|registered|listed|centric|friendly|speaking|american|era)$/;
const INITIAL = /^\p{Lu}\.$/u;
/** Endings of English adjectives, adverbs and abstract nouns (not of names). */
const WORD_ENDING = /(?:ous|ive|ible|able|ful|less|ern|ness|ment|ism|ly|ent|ant|ing|ed|ary|ory|ical|ial|ized|ised|ize|ise)$/;
const HYPHEN_LOWER_END = /-[a-z]+$/;
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);
const PARTICLE_WORD = /^(?:de|du|da|van|von|der|den|bin|ibn|al|el|la|le)$/i;
/** How a word of a person's name is spelled: "Smith", "McDonald", "O'Neill", "Jean-Luc", "J." (not "MacBook Pro", "Wi-Fi", "OS"). */
const NAME_SHAPE = /^(?:\p{Lu}\.|(?:Mc|Mac|O['’]|D['’]|De|Di|Le|La)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)$/u;

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** "'s" was cut off the end: the name stops here. */
  possessive: boolean;
  /** A capital here proves nothing (sentence start, headline, all-caps line). */
  ambiguous: boolean;
  /** The token is in an all-caps line ("LONDON 1996-08-30", sports tables, shouted headlines). */
  shouting: boolean;
  /** The token is in a title-case headline. */
  headline: boolean;
  allCaps: boolean;
  /** Word-list memberships of `lower` (bits of F). */
  flags: number;
  /** What the article shows about this word (shared by every token with the same `lower`). */
  info: WordInfo;
}

/** Per article and lower-case word: where a capital means something, how often it was seen. */
interface WordInfo {
  flags: number;
  /** Mid-sentence body occurrences not in all caps ("Apple" in "said Apple"). */
  mid: number;
  /** Mid-sentence body occurrences in any case. */
  midAny: number;
  /** All capitalised occurrences, wherever they are. */
  total: number;
  /** Does the article also write the word in lower case? Checked on first need. */
  lowerSeen?: boolean;
  /** The word is in a mixed-case headline (not shouted). */
  inHeadline: boolean;
}

/** Texts longer than this skip the lower-case search (it scans the article once per word asked). */
const LOWER_SEARCH_LIMIT = 200000;

/**
 * "Apple" in the headline, named again in the text and never written "apple": the common word
 * is the article's topic name. (Table words like "Results" or "Total" repeat too, but not in a
 * mixed-case headline.)
 */
function isNameNotWord(t: Token, text: string): boolean {
  if (t.info.total < 2 || !t.info.inHeadline || text.length > LOWER_SEARCH_LIMIT) return false;
  t.info.lowerSeen ??= LOWER_WORD_BOUNDARY(t.lower).test(text);
  return !t.info.lowerSeen;
}

function LOWER_WORD_BOUNDARY(word: string): RegExp {
  // The word is letters only here (common English words), so it needs no escaping.
  return new RegExp(`(?:^|[^A-Za-z])${word}(?![A-Za-z])`);
}

/** What the typing step decided for one run. */
interface Typed {
  kind: 'person' | 'org' | 'place';
  rule: string;
  /** For places and known orgs: the lower-case canonical name. */
  canonical?: string;
  demonym?: boolean;
  /** A precomputed entity key (gazetteer places). */
  key?: string;
}

/** Options for {@link findNames}. */
export interface FindNamesOptions {
  /** Treat the first non-empty line as a headline (title case proves nothing there). Default true. */
  headline?: boolean;
  /** The learned tagger to blend with the rules; default the shipped one, null for the rules alone. */
  tagger?: Tagger | null;
  /** How far below its own best reading the tagger may score the rules' guesses and keep them. */
  trustGuesses?: number;
  /** One type per name per article (names/consistency.ts). Default true. */
  consistency?: boolean;
}

/**
 * Finds the people, organizations and places named in an article, with per-article identity
 * keys: the rules' candidates and the learned tagger's names, blended (names/blend.ts). Never
 * throws on odd input; offsets are UTF-16 indices into `text`.
 */
export function findNames(text: string, options: FindNamesOptions = {}): EntityMention[] {
  if (!text) return [];
  const tokens = tokenizeArticle(text);
  // Another language would only give invented names (names/language.ts).
  if (!looksEnglish(tokens)) return [];
  const drafts = findRuleDrafts(text, options);
  const tagger = options.tagger === undefined ? shippedTagger() : options.tagger;
  if (!tagger) return assignKeys(text, withoutForeignScript(text, drafts));
  const tagged = tagArticle(tokens, tagger, drafts, options.trustGuesses ?? TRUST_GUESSES);
  tagged.names = linkLeaders(tagged.tokens, tagged.names, tagger);
  if (options.consistency !== false) tagged.names = harmoniseNames(tagged, tagger);
  return assignKeys(text, withoutForeignScript(text, blendNames(text, drafts, tagged)));
}

/** Names written in another script ("Путин" in an English article) cannot be typed reliably: left out. */
function withoutForeignScript(text: string, drafts: Draft[]): Draft[] {
  return drafts.filter((d) => !isForeignScript(text.slice(d.start, d.end)));
}

/** Default of FindNamesOptions.trustGuesses, chosen by cross-validation (tools/tagger/crossValidate.ts). */
const TRUST_GUESSES = 20;

/** The rule engine's names before identity keys: in text order, none nested in another. */
export function findRuleDrafts(text: string, options: FindNamesOptions = {}): Draft[] {
  if (!text) return [];
  const tokens = tokenize(text, options.headline !== false);
  if (tokens.length === 0) return [];
  const evidence = collectEvidence(text);
  const drafts: Draft[] = [];
  for (const run of buildRuns(text, tokens)) processRun(text, run, evidence, drafts);
  retypeTeams(text, drafts, evidence);
  markDatelineAgencies(text, drafts);
  return outermost(drafts);
}

/** "KESTREL BAY, March 4 (Sample Wire) -": the name in brackets after a dateline is its news agency. */
const DATELINE_AGENCY = /^[ \t]*\p{Lu}[\p{Lu} .'-]*,[^\n()]{0,40}\($/u;

function markDatelineAgencies(text: string, drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.kind === 'place' || text.charCodeAt(d.start - 1) !== 40 || text.charCodeAt(d.end) !== 41) continue;
    // The dateline opens its line within 80 characters: look no further back (a megabyte-long
    // line must not be scanned once per bracket).
    const before = text.slice(Math.max(0, d.start - 81), d.start);
    const newline = before.lastIndexOf('\n');
    if ((newline < 0 && d.start > 80) || !DATELINE_AGENCY.test(before.slice(newline + 1))) continue;
    d.kind = 'org';
    d.rule = 'context:dateline-agency';
    d.canonical = undefined;
    d.key = undefined;
  }
}

/** Drafts in text order without the ones nested in an earlier draft. */
function outermost(drafts: Draft[]): Draft[] {
  for (let i = 1; i < drafts.length; i++) {
    if (drafts[i].start < drafts[i - 1].start) {
      drafts.sort((a, b) => a.start - b.start || b.end - a.end);
      break;
    }
  }
  const kept: Draft[] = [];
  let lastEnd = -1;
  for (const d of drafts) {
    if (d.start < lastEnd) continue;
    kept.push(d);
    lastEnd = d.end;
  }
  return kept;
}

/** A date right after a dateline place ("LONDON 1996-08-30", "PARIS, Aug 3", "KYIV 3 March"). */
const DATELINE_DATE = /^ ?,? ?(?:\d{4}-\d\d-\d\d|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d)/;

/** Words that show an article reports a match (one regex: the engine scans for their first letters). */
const SPORTS_CUE = /\b(?:innings|wickets?|goals?|scored|beat|match(?:es)?|league|season|half-time|unbeaten|draw|drew|defeated|striker|midfielder|goalkeeper|bowled|batting|rebounds|touchdowns?|inning|homers?|standings|fixtures?|semi-?finals?|quarter-finals?|playoffs?)\b/gi;
/** A score: "3-2", or a number between two names as in results tables ("Newcastle 3 Blackburn 2"). */
const SCORE = / \d{1,3}(?:-\d{1,3})?(?= [A-Z]|\b)/g;

/** An article about a match: several sports words or scores. */
function isSportsReport(text: string): boolean {
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

/**
 * In a match report a city, region or state named alone is usually the team ("Leicestershire
 * beat Somerset"); countries stay places (national sides are named as countries), and so do
 * words after "in", "at" or "near" and datelines at the start of a line.
 */
function retypeTeams(text: string, drafts: Draft[], evidence: Evidence): void {
  for (const d of drafts) {
    if (d.kind !== 'place' || d.demonym || d.words.length > 2) continue;
    if (!(d.rule === 'gazetteer:city' || d.rule === 'gazetteer:region' || d.rule === 'gazetteer:us-state' || d.rule === 'gazetteer:historical')) continue;
    const lineStart = d.start === 0 || text.charCodeAt(d.start - 1) === 10;
    // "LONDON 1996-08-30" and "BOGOTA, Colombia" are datelines.
    if (lineStart && DATELINE_DATE.test(text.slice(d.end, d.end + 12))) continue;
    const after = text.slice(d.end, d.end + 24);
    const next = TEAM_NEXT.exec(after);
    const before = wordBefore(text, d.start);
    // A team is followed by its score, a result verb or its player ("Birmingham 's Gary Breen"),
    // follows "v", "against", "beat", "for", or stands in a schedule line ("CLEVELAND AT TEXAS").
    const cue =
      (next && (next[1] !== undefined || TEAM_VERBS.has(next[2]))) ||
      TEAM_BEFORE.has(before) ||
      /^ (?:['’]s )?AT \p{Lu}|^ ['’]s \p{Lu}\p{Ll}/u.test(after) ||
      / AT $/.test(text.slice(Math.max(0, d.start - 4), d.start));
    // The local cue first: the article-wide sports test scans the text and is needed only then.
    if (cue && isSports(evidence)) {
      d.kind = 'org';
      d.rule = 'context:sports-team';
      d.canonical = undefined;
    }
  }
}

const TEAM_NEXT = /^(?:['’]s)? ?(?:(\d{1,3})(?![\d-])|([a-z]+))/;
const TEAM_VERBS = new Set([
  'beat', 'beats', 'drew', 'draw', 'won', 'win', 'wins', 'lost', 'lose', 'loses', 'led', 'lead', 'leads', 'trail', 'trailed', 'host',
  'hosts', 'hosted', 'face', 'faces', 'faced', 'play', 'plays', 'played', 'reached', 'scored', 'clinched', 'moved', 'held',
  'team', 'side', 'club', 'coach', 'manager', 'striker', 'player', 'players', 'fans', 'captain', 'defender', 'goalkeeper',
  'midfielder', 'v', 'vs', 'and', 'were', 'are', 'have', 'had', 'went', 'needed', 'batted', 'bowled', 'declared',
  'is', 'was', 'has', 'will', 'would', 'could', 'can', 'must', 'did', 'took', 'stepped', 'claimed', 'collapsed',
  'recovered', 'finished', 'ended', 'made', 'resumed', 'slipped', 'remained', 'need', 'needs', 'squad', 'supporters',
]);
const TEAM_BEFORE = new Set(['v', 'vs', 'against', 'beat', 'beating', 'over', 'hosts', 'host', 'face', 'faces', 'play', 'plays', 'visit', 'visiting', 'champions', 'with', 'for', 'joined']);

/** Collects capitalised tokens with their context flags. */
function tokenize(text: string, headline: boolean): Token[] {
  const tokens: Token[] = [];
  const headlineEnd = headline ? headlineExtent(text) : -1;
  const headlineTitleCase = headlineEnd > 0 && isTitleCase(text.slice(0, headlineEnd));
  let lineStart = -1;
  let lineEnd = -1;
  let lineShouting = false;
  let lineTitleCase = false;
  let lineChecked = false;
  // Words repeat within an article: a small local cache is faster than the large global one.
  const local = new Map<string, WordInfo>();
  CAP_TOKEN.lastIndex = 0;
  for (let m = CAP_TOKEN.exec(text); m; m = CAP_TOKEN.exec(text)) {
    let raw = m[0];
    const start = m.index;
    if (start > 0 && isLetterOrDigit(text, start - 1)) continue;
    const first = raw.charCodeAt(0);
    if (first >= 0xc0 && raw[0] === raw[0].toLowerCase()) continue;
    // A final period belongs to abbreviations and initials only; otherwise it ends the sentence.
    if (raw.endsWith('.') && !isAbbreviation(raw)) raw = raw.slice(0, -1);
    let possessive = false;
    const n = raw.length;
    if (n > 2 && (raw.charCodeAt(n - 1) === 115 || raw.charCodeAt(n - 1) === 83) && (raw.charCodeAt(n - 2) === 39 || raw.charCodeAt(n - 2) === 0x2019)) {
      raw = raw.slice(0, -2);
      possessive = true;
    } else if (raw.includes('-')) {
      const lower = raw.toLowerCase();
      const tail = HYPHEN_LOWER_TAIL.exec(lower);
      if (tail) raw = raw.slice(0, raw.length - tail[0].length);
      else if (splitHyphenatedPlaces(raw, start, tokens, text)) continue;
    }
    // Nothing this long is one word of a name; megabyte-long hyphen chains stay out.
    if (!raw || raw.length > 60) continue;
    // "I’m", "We’re", "They’ve", "Don’t": a contraction is never a name.
    if (isContraction(raw)) continue;
    const end = start + raw.length;
    // "US$", "A$": a currency, not a place.
    if (text.charCodeAt(end) === 36) continue;
    const allCaps = raw.length > 1 && isAllCaps(raw);
    if (start >= lineEnd) {
      lineStart = text.lastIndexOf('\n', start) + 1;
      const nl = text.indexOf('\n', start);
      lineEnd = nl < 0 ? text.length : nl;
      lineChecked = false;
      lineShouting = false;
      lineTitleCase = lineStart >= headlineEnd && isLinkedTitle(text, lineStart, lineEnd);
    }
    // Only lines with an all-caps word can be shouting lines, so most lines skip the scan.
    if (allCaps && !lineChecked) {
      lineChecked = true;
      lineShouting = !HAS_LOWER.test(text.slice(lineStart, lineEnd));
    }
    const inHeadline = start < headlineEnd;
    const titleCase = (inHeadline && headlineTitleCase) || lineTitleCase;
    const ambiguous = lineShouting || titleCase || isSentenceStart(text, start);
    const lower = raw.toLowerCase();
    let info = local.get(lower);
    if (info === undefined) {
      info = { flags: wordFlags(lower), mid: 0, midAny: 0, total: 0, inHeadline: false };
      local.set(lower, info);
    }
    info.total++;
    if (inHeadline && !lineShouting && !allCaps) info.inHeadline = true;
    if (!ambiguous) {
      info.midAny++;
      if (!allCaps) info.mid++;
    }
    tokens.push({ start, end, text: raw, lower, possessive, ambiguous, shouting: lineShouting, headline: titleCase, allCaps, flags: info.flags, info });
  }
  return tokens;
}

/** "Russia-Ukraine" is two places, not one name: push both halves as separate tokens. */
function splitHyphenatedPlaces(raw: string, start: number, tokens: Token[], text: string): boolean {
  const parts = raw.split('-');
  if (parts.length < 2 || !parts.every((p) => p && (PLACES.has(p.toLowerCase()) || DEMONYMS.has(p.toLowerCase())))) return false;
  let offset = start;
  for (const part of parts) {
    const ambiguous = offset === start && isSentenceStart(text, start);
    const flags = wordFlags(part.toLowerCase());
    tokens.push({ start: offset, end: offset + part.length, text: part, lower: part.toLowerCase(), possessive: true, ambiguous, shouting: false, headline: false, allCaps: false, flags, info: { flags, mid: ambiguous ? 0 : 1, midAny: ambiguous ? 0 : 1, total: 1, inHeadline: false } });
    offset += part.length + 1;
  }
  return true;
}

/** A word with a contracted ending: 'm, 're, 've, 'll, 'd (after a pronoun-length stem) or n't. */
function isContraction(raw: string): boolean {
  const n = raw.length;
  if (n < 3) return false;
  const apostrophe = (i: number): boolean => raw.charCodeAt(i) === 39 || raw.charCodeAt(i) === 0x2019;
  // "I'm", "We'd", "You'll", "They've", "We're" (the stem is short: not "O'Neill").
  if (n <= 7 && apostrophe(n - 2) && (raw[n - 1] === 'm' || raw[n - 1] === 'd')) return true;
  if (n <= 8 && apostrophe(n - 3) && (raw.endsWith('re') || raw.endsWith('ve') || raw.endsWith('ll'))) return true;
  return n >= 4 && apostrophe(n - 2) && raw[n - 1] === 't' && raw[n - 3] === 'n';
}

function isAbbreviation(raw: string): boolean {
  const bare = raw.slice(0, -1);
  if (bare.length === 1) return true;
  if (bare.includes('.')) return true;
  return ABBREVIATIONS.has(bare.toLowerCase());
}

/** End offset of the first non-empty line. */
function headlineExtent(text: string): number {
  const m = /[^\s\uFEFF][^\r\n]*/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m ? m.index + m[0].length : -1;
}

/** The longest line read as the title of a linked story. */
const LINKED_TITLE_MAX = 200;
/** Labels of links to other stories ("Also read:", "Related Article:", "READ MORE:"). */
const LINK_LABEL = /(?:also read|read also|read more|related|related article|related story|related stories|see also|more|watch|recommended|latest|trending)[ \t]*:/iy;

/**
 * "Also read: Envoy Urges Calm As Talks Resume": the title of a linked story is written in
 * title case, where a capital proves nothing.
 */
function isLinkedTitle(text: string, lineStart: number, lineEnd: number): boolean {
  if (lineEnd - lineStart > LINKED_TITLE_MAX || lineEnd - lineStart < 8) return false;
  const c = text.charCodeAt(lineStart) | 32;
  // The labels start with a, l, m, r, s, t or w: most lines skip the regex.
  if (!(c === 97 || c === 108 || c === 109 || c === 114 || c === 115 || c === 116 || c === 119)) return false;
  LINK_LABEL.lastIndex = lineStart;
  return LINK_LABEL.test(text) && LINK_LABEL.lastIndex < lineEnd && isTitleCase(text.slice(LINK_LABEL.lastIndex, lineEnd));
}

/** A title-case or all-caps headline: most of its content words start with a capital. */
function isTitleCase(line: string): boolean {
  let words = 0;
  let capitals = 0;
  // One pass over the words without splitting: headlines and linked titles are tested on every article.
  for (let i = 0; i < line.length; ) {
    while (i < line.length && isSpaceCode(line.charCodeAt(i))) i++;
    const start = i;
    while (i < line.length && !isSpaceCode(line.charCodeAt(i))) i++;
    if (i - start < 4) continue;
    const c = line.charCodeAt(start);
    if (c >= 65 && c <= 90) capitals++;
    else if (c < 97 || c > 122) {
      if (c < 0xc0 || !LETTER_START.test(line.slice(start, start + 2))) continue;
      if (UPPER_START.test(line.slice(start, start + 2))) capitals++;
    }
    words++;
  }
  return words >= 2 && capitals / words >= 0.75;
}

const LETTER_START = /^\p{L}/u;
const UPPER_START = /^\p{Lu}/u;

/** White space as String.split(/\s+/) sees it, for the characters news text uses. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x1680;
}

/**
 * True when the word at `start` opens a sentence or a line: looking back over spaces and
 * opening quotes/brackets we meet the text start, a line break, or end punctuation that is not
 * the period of an abbreviation ("U.S. Army" continues the sentence).
 */
function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  let dash = false;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    // space, tab, quotes, brackets, dashes
    if (c === 32 || c === 9 || c === 0xa0 || c === 34 || c === 39 || c === 40 || c === 91 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2022 || c === 42) {
      if (c === 0x2014 || c === 0x2013 || c === 45) dash = true;
      i--;
      continue;
    }
    break;
  }
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13 || c === 33 || c === 63 || c === 58 || c === 59 || c === 0xfeff) return true;
  if (c === 34 || c === 0x201d || c === 41) {
    // "KYIV, March 3 (Reuters) - Police said": a dash after the agency of a dateline opens the story.
    if (dash && c === 41) return true;
    // A closing quote or bracket after end punctuation ('... ended." Police said').
    const p = i > 0 ? text.charCodeAt(i - 1) : 0;
    return p === 46 || p === 33 || p === 63;
  }
  if (c !== 46) return false;
  // A period: the sentence ends unless it closes an abbreviation or an initial.
  let j = i - 1;
  while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
  const word = text.slice(j + 1, i);
  if (word.length === 1 && word >= 'A' && word <= 'Z') return false;
  if (j >= 0 && text.charCodeAt(j) === 46 && word.length <= 2) return false; // "U.S." → "S" after "."
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** True when no letter after the first is lower-case ("NATO", "U.S", "AT&T"). */
function isLineStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 0xfeff;
}

function isAllCaps(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 0xc0 && word[i] !== word[i].toUpperCase()) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  if (c < 0xc0 || (c >= 0x2000 && c <= 0x206f)) return false;
  return LETTER_OR_DIGIT.test(text[i]);
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 0xbf;
}

/** What the stage knows about the whole article while it types names. */
interface Evidence {
  text: string;
  /** Does the article report a match? Computed on first need: most articles never ask. */
  sports?: boolean;
}

function isSports(evidence: Evidence): boolean {
  evidence.sports ??= isSportsReport(evidence.text);
  return evidence.sports;
}

function collectEvidence(text: string): Evidence {
  return { text };
}

/** Groups tokens into runs of one candidate name each. */
function buildRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [tokens[0]];
  let hasHead = isHead(tokens[0]);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const cur = tokens[i];
    let join = false;
    // A cap on run length keeps every later step linear on adversarial input ("Aaa Bbb Aaa Bbb ..."
    // for megabytes); real names have far fewer words.
    if (!prev.possessive && cur.start - prev.end <= 12 && run.length < MAX_RUN_WORDS) {
      const gap = text.slice(prev.end, cur.start);
      if (JOIN_GAP.test(gap)) join = true;
      // "Wal - Mart" in tokenised text: a spaced hyphen between two title-case words (not headline dashes).
      else if (gap === ' - ' && run.length === 1 && !prev.allCaps && !cur.allCaps && !prev.ambiguous && !has(prev, F.PLACES | F.DEMONYMS)) join = true;
      else if (hasHead && OF_GAP.test(gap) && !has(cur, F.NEVER_NAMES)) join = true;
      else if ((gap === ' & ' || (gap === ' and ' && run.every((t) => has(t, F.COMMON)))) && run.length <= 2 && !hasHead && !run.some((t) => has(t, F.NEWS_OUTLETS | F.PLACES | F.KNOWN_ACRONYMS)) && endsInOrgSuffix(tokens, i)) join = true;
      else if ((gap === ', ' || gap === ' ,') && COMMA_SUFFIX.test(cur.lower)) join = true;
    }
    if (join) {
      run.push(cur);
      if (!hasHead) hasHead = isHead(cur);
    } else {
      runs.push(run);
      run = [cur];
      hasHead = isHead(cur);
    }
  }
  runs.push(run);
  return runs;
}

/** "Test and County Cricket Board": the words from `i` on (joined by single spaces) end in an organization suffix. */
function endsInOrgSuffix(tokens: Token[], i: number): boolean {
  for (let j = i; j < tokens.length && j < i + 4; j++) {
    if (has(tokens[j], F.PLACES | F.DEMONYMS)) return false;
    if (j > i && has(tokens[j], F.ORG_SUFFIXES)) return true;
    if (j + 1 >= tokens.length || tokens[j + 1].start - tokens[j].end !== 1) return false;
  }
  return false;
}

function isHead(t: Token): boolean {
  return has(t, F.ORG_HEADS_OF | F.TITLE_HEADS | F.ORG_SUFFIXES);
}

/** Should an ambiguous capitalised word count as part of a name? */
function earnsPlace(t: Token, evidence: Evidence): boolean {
  if (has(t, F.PLACES | F.DEMONYMS | F.NEWS_OUTLETS | F.KNOWN_ORGS)) return true;
  if (t.allCaps && has(t, F.KNOWN_ACRONYMS)) return true;
  if (has(t, F.NEVER_NAMES)) return false;
  // "Industry-wide", "Long-term" at a sentence start: a compound with a lower-case tail is a word.
  if (HYPHEN_LOWER_END.test(t.text)) return false;
  const common = has(t, F.COMMON) || has(t, F.GENERIC_ALONE) || has(t, F.TITLE_HEADS);
  // An all-caps word in a shouted line is a name only if the body spells it as one.
  if (t.allCaps) return !common && (t.info.mid > 0 || (!t.shouting && !t.headline));
  // A common word ("Apple", "Police") needs to be seen capitalised mid-sentence more than once.
  if (common) return t.info.mid >= 1 || (/^[a-z]+$/.test(t.lower) && isNameNotWord(t, evidence.text));
  // In title-case headlines every word is capitalised: unknown words need evidence.
  if (t.shouting || t.headline) return t.info.mid > 0 || has(t, F.PERSON_NAME_SET);
  // "Potent", "Moribund", "Northeastern" opening a sentence: rarer words the lexicon lacks, shaped
  // like adjectives or abstract nouns, and never seen mid-sentence or known as a name.
  if (t.info.mid === 0 && !has(t, F.PERSON_NAME_SET) && WORD_ENDING.test(t.lower)) return false;
  // "Dockers walked out", "Cranes stood still": the plural of a common word, or a word the
  // article also writes in lower case, opening a sentence and never capitalised mid-sentence.
  if (t.info.mid === 0 && !has(t, F.PERSON_NAME_SET) && /^[a-z]+$/.test(t.lower)) {
    const singular = t.lower.endsWith('es') && wordFlags(t.lower.slice(0, -2)) & F.COMMON ? t.lower.slice(0, -2) : t.lower.endsWith('s') ? t.lower.slice(0, -1) : '';
    if (singular && wordFlags(singular) & F.COMMON) return false;
    // One scan of the article per distinct word: kept to article-sized texts, so it stays cheap.
    if (evidence.text.length <= 20_000) {
      t.info.lowerSeen ??= LOWER_WORD_BOUNDARY(t.lower).test(evidence.text);
      if (t.info.lowerSeen) return false;
    }
  }
  return true;
}

/**
 * "Automaker GM to cut jobs" in an article that also writes "the automaker": a word the lexicon
 * lacks but the article uses in lower case is that word, not the start of a name.
 */
function isWordOfArticle(t: Token, evidence: Evidence): boolean {
  if (t.info.mid > 0 || has(t, F.COMMON | F.PERSON_NAME_SET | F.PLACES | F.DEMONYMS | F.KNOWN_ORGS | F.NEWS_OUTLETS) || evidence.text.length > 20_000 || !/^[a-z]+$/.test(t.lower)) return false;
  t.info.lowerSeen ??= LOWER_WORD_BOUNDARY(t.lower).test(evidence.text);
  return t.info.lowerSeen;
}

/** Splits a run into the parts that are names, strips roles, types each part. */
function processRun(text: string, run: Token[], evidence: Evidence, out: Draft[]): void {
  // Words that are never names split the run ("The", months, pronouns) unless they start an
  // outlet's name ("The Hill").
  let part: Token[] = [];
  const flush = (): void => {
    if (part.length) processPart(text, part, evidence, out);
    part = [];
  };
  for (let i = 0; i < run.length; i++) {
    const t = run[i];
    // A multi-word place or outlet ("NEW YORK", "Panama City") keeps all its words.
    const known = knownSpanLength(run, i);
    if (known > 1) {
      for (let j = i; j < i + known; j++) part.push(run[j]);
      i += known - 1;
      continue;
    }
    if (t.lower === 'the' && i + 1 < run.length) {
      const two = 'the ' + run[i + 1].lower;
      const three = i + 2 < run.length ? two + ' ' + run[i + 2].lower : '';
      if (NEWS_OUTLETS.has(three) || NEWS_OUTLETS.has(two)) {
        flush();
        part.push(t);
        continue;
      }
    }
    const never = has(t, F.NEVER_NAMES) && !(t.allCaps && has(t, F.KNOWN_ACRONYMS));
    // "Mark Philippoussis won": a given name that is also a word, followed by an uncommon name.
    if (t.ambiguous && !never && COMMON_WORD_GIVEN_NAMES.has(t.lower) && i + 1 < run.length && !t.allCaps) {
      const next = run[i + 1];
      if (next.start - t.end === 1 && !has(next, F.COMMON | F.GENERIC_ALONE | F.TITLE_HEADS | F.ROLE_MODIFIERS) && NAME_SHAPE.test(next.text)) {
        part.push(t);
        continue;
      }
    }
    // "Apple Computer today announced": a sentence-initial word that starts a longer name stays.
    const startsName = t.ambiguous && !t.headline && !t.shouting && !never && i + 1 < run.length && run[i + 1].start - t.end === 1 && !has(run[i + 1], F.NEVER_NAMES) && !isWordOfArticle(t, evidence);
    if (never || (t.ambiguous && !startsName && !earnsPlace(t, evidence) && !isRolePart(run, i))) {
      flush();
      continue;
    }
    part.push(t);
  }
  flush();
}

/** Number of words (2-4) of a place or outlet name starting at run[i], or 0. */
function knownSpanLength(run: Token[], i: number): number {
  if (i + 1 >= run.length || !has(run[i], F.MULTI_WORD_STARTS)) return 0;
  let key = run[i].lower;
  let best = 0;
  for (let j = i + 1; j < run.length && j < i + 4; j++) {
    if (run[j].start - run[j - 1].end !== 1) break;
    key += ' ' + run[j].lower;
    if (PLACES.has(key) || NEWS_OUTLETS.has(key) || DEMONYMS.has(key) || KNOWN_ORGS.has(key)) best = j - i + 1;
  }
  return best;
}

/** A capitalised role word at a sentence start ("Prime Minister X said") stays for role stripping. */
function isRolePart(run: Token[], i: number): boolean {
  const t = run[i];
  if (!(has(t, F.TITLE_HEADS) || has(t, F.ROLE_MODIFIERS))) return false;
  for (let j = i + 1; j < run.length; j++) {
    if (!(has(run[j], F.TITLE_HEADS) || has(run[j], F.ROLE_MODIFIERS))) return true;
  }
  return false;
}

/** Strips a leading role, then types what is left. */
function processPart(text: string, part: Token[], evidence: Evidence, out: Draft[]): void {
  // "Chrysler LLC Jim Press": a company form ends the organization's name.
  for (let i = 0; i < part.length - 1; i++) {
    if (COMPANY_FORMS.has(part[i].lower) && i > 0) {
      processPart(text, part.slice(0, i + 1), evidence, out);
      processPart(text, part.slice(i + 1), evidence, out);
      return;
    }
  }
  const role = knownSpanLength(part, 0) === part.length ? undefined : findRole(text, part);
  let tokens = part;
  if (role) {
    const [from, to] = role;
    // The organization or place before the role ("Chrysler Chief Executive", "U.S. President").
    if (from > 0) processPart(text, part.slice(0, from), evidence, out);
    const rest = part.slice(to + 1);
    if (!rest.length) return;
    // "the Vice Chairman of Chrysler": the words after "Title of" are the organization, not the holder.
    if (/^ of (?:the )?$/.test(text.slice(part[to].end, rest[0].start))) {
      processPart(text, rest, evidence, out);
      return;
    }
    const roleText = text.slice(part[0].start, part[to].end);
    // "President Putin of Russia": the holder's name ends at "of"; what follows is their country or organization.
    for (let i = 1; i < rest.length; i++) {
      if (!/^ of (?:the )?$/.test(text.slice(rest[i - 1].end, rest[i].start))) continue;
      out.push(draft(rest.slice(0, i), { kind: 'person', rule: `title:${roleHead(part, to)}` }, roleText));
      processPart(text, rest.slice(i), evidence, out);
      return;
    }
    out.push(draft(rest, { kind: 'person', rule: `title:${roleHead(part, to)}` }, roleText));
    return;
  }
  // "Pan-democrat Lam Cheuk-ting": a leading compound with a lower-case tail is a description.
  while (tokens.length > 1 && HYPHEN_LOWER_END.test(tokens[0].text) && !has(tokens[0], F.PLACES)) tokens = tokens.slice(1);
  // Drop leading/trailing words that cannot be inside a name by themselves ("Officials").
  while (tokens.length && (has(tokens[0], F.TITLE_HEADS) && has(tokens[0], F.HONORIFICS))) tokens = tokens.slice(1);
  if (!tokens.length) return;
  // Table headers ("W D L G") and labels ("Scorers :") are not names.
  if (tokens.every((t) => t.text.length === 1)) return;
  if (tokens[0].ambiguous && tokens.length === 1 && !has(tokens[0], F.PLACES) && /^ ?:/.test(text.slice(tokens[0].end, tokens[0].end + 2))) return;
  // "Australian Tom Moody": the demonym is its own mention, the rest a name.
  if (tokens.length >= 2 && has(tokens[0], F.DEMONYMS)) {
    const last = tokens[tokens.length - 1];
    if (!has(last, F.ORG_SUFFIXES) && !has(last, F.EVENT_SUFFIXES) && !knownSpanLength(tokens, 0)) {
      out.push(draft([tokens[0]], { kind: 'place', rule: 'demonym', canonical: DEMONYMS.get(tokens[0].lower), demonym: true }));
      processPart(text, tokens.slice(1), evidence, out);
      return;
    }
  }
  // "TAVILDARA , Tajikistan 1996-08-30", "KYIV, Ukraine (AP)": a dateline names a place.
  if (tokens[0].allCaps && tokens.length <= 3 && isLineStart(text, tokens[0].start)) {
    const after = text.slice(tokens[tokens.length - 1].end, tokens[tokens.length - 1].end + 16);
    if (/^ ?, ?\p{Lu}/u.test(after) || DATELINE_DATE.test(after)) {
      const place = PLACES.get(tokens.map((t) => t.lower).join(' '));
      out.push(draft(tokens, place ? placeTyped(place) : { kind: 'place', rule: 'dateline' }));
      return;
    }
  }
  if (tokens.length === 1) {
    const t = tokens[0];
    if (has(t, F.GENERIC_ALONE) || has(t, F.TITLE_HEADS) || (has(t, F.ROLE_MODIFIERS) && !has(t, F.PLACES) && !has(t, F.KNOWN_ACRONYMS))) return;
    if (t.text.length === 1) return;
    // A lone common word ("Practice", "Standings") is a name only when the article capitalises it often.
    const common = has(t, F.COMMON) && !t.allCaps && !has(t, F.PLACES | F.DEMONYMS | F.NEWS_OUTLETS | F.KNOWN_ACRONYMS) && t.info.mid < 2;
    if (common && !(/^[a-z]+$/.test(t.lower) && isNameNotWord(t, text))) return;
    const typed = typeSingle(t, evidence, text);
    // The article's topic ("Harvest" in its headline, never "harvest"): the article says so, not the word's shape.
    if (typed && common && typed.rule === 'capitalised-run') typed.rule = 'context:topic-name';
    if (typed) out.push(draft(tokens, typed));
    return;
  }
  // "United States Hamdullah Mohib": a place run into a person's name (a role word was lost to lower case).
  const placeWords = has(tokens[0], F.PLACES) ? Math.max(1, knownSpanLength(tokens, 0)) : knownSpanLength(tokens, 0);
  if (placeWords > 0 && tokens.length - placeWords >= 2 && tokens.length - placeWords <= 3) {
    const rest = tokens.slice(placeWords);
    const lastRest = rest[rest.length - 1];
    if (rest.every((t) => NAME_SHAPE.test(t.text) && !has(t, F.COMMON | F.GENERIC_ALONE | F.PLACES)) && !has(lastRest, F.ORG_SUFFIXES | F.PLACE_SUFFIXES | F.EVENT_SUFFIXES)) {
      processPart(text, tokens.slice(0, placeWords), evidence, out);
      processPart(text, rest, evidence, out);
      return;
    }
  }
  // "Dearborn, Michigan Ford's stock fell": a place run into a listed company (a lost full stop).
  if (placeWords > 0 && tokens.length === placeWords + 1 && has(tokens[placeWords], F.KNOWN_ORGS | F.NEWS_OUTLETS) && PLACES.has(tokens.slice(0, placeWords).map((t) => t.lower).join(' '))) {
    processPart(text, tokens.slice(0, placeWords), evidence, out);
    processPart(text, tokens.slice(placeWords), evidence, out);
    return;
  }
  const typed = typeMulti(tokens, text);
  if (typed === 'split') {
    for (const t of tokens) processPart(text, [t], evidence, out);
    return;
  }
  if (typed) out.push(draft(tokens, typed));
}

function draft(tokens: Token[], typed: Typed, role?: string): Draft {
  return {
    start: tokens[0].start,
    end: tokens[tokens.length - 1].end,
    words: tokens.map((t) => t.text),
    kind: typed.kind,
    rule: typed.rule,
    canonical: typed.canonical,
    demonym: typed.demonym,
    key: typed.key,
    role,
    firstLower: tokens[0].lower,
    corporateTail: tokens.length > 1 && has(tokens[tokens.length - 1], F.CORPORATE_FORMS),
  };
}

/**
 * Where a role sits in a part: `[from, to]` token indices of the role words ("Chief Executive",
 * "Secretary of State", "President"), or undefined. Words before `from` are an organization or
 * place that qualifies the role ("Chrysler", "CIA", "U.S."). The role must be followed by at
 * least one word shaped like a person's name, or end the part.
 */
function findRole(text: string, part: Token[]): [number, number] | undefined {
  // "Office of the Director of National Intelligence" is an organization, not a role.
  if (part.length > 1 && has(part[0], F.ORG_HEADS_OF) && /^ (?:of|for) /.test(text.slice(part[0].end, part[1].start))) return undefined;
  // The last title word that still leaves a name-shaped tail (or nothing) after it.
  for (let i = part.length - 1; i >= 0; i--) {
    if (!has(part[i], F.TITLE_HEADS)) continue;
    // "Hun Sen": a short honorific ("Sen", "Gen", "Rep") is a title only before a name.
    if (i === part.length - 1 && has(part[i], F.HONORIFICS)) continue;
    let to = i;
    const ofGap = i + 1 < part.length && /^ of (?:the )?$/.test(text.slice(part[i].end, part[i + 1].start));
    // "Chief Executive of General Motors", "Prime Minister of Canada": the words after "of" are
    // the whole organization or place, and nobody holds the role in this run.
    if (ofGap && namesBody(part, i + 1)) return [roleStart(part, i), i];
    // "Secretary of State Antony Blinken", "President of the United States Barack Obama": the
    // words after "of" belong to the role.
    if (ofGap) {
      let j = i + 1;
      while (j < part.length - 1) {
        const known = knownSpanLength(part, j);
        if (known > 1 && j + known < part.length) j += known;
        else if (has(part[j], F.ROLE_MODIFIERS) || (has(part[j], F.PLACES) && !has(part[j], F.PERSON_NAME_SET)) || part[j].allCaps) j++;
        else break;
      }
      to = j - 1;
    }
    const rest = part.slice(to + 1);
    if (rest.length > 4) return undefined;
    if (rest.length) {
      const last = rest[rest.length - 1];
      // "General Motors", "President Hotel", "Prince Edward Island": an org or place, not a role
      // (an earlier title may still head the run: "Chief Executive of General Motors").
      if (has(last, F.ORG_SUFFIXES) || has(last, F.PLACE_SUFFIXES) || has(last, F.NEWS_OUTLETS) || has(last, F.EVENT_SUFFIXES)) continue;
      if (!rest.every((t) => NAME_SHAPE.test(t.text) || PARTICLE_WORD.test(t.text))) return undefined;
      // "Director Bill Burns": a given name that is also a word still starts a name.
      if (!COMMON_WORD_GIVEN_NAMES.has(rest[0].lower) && rest.every((t) => has(t, F.ROLE_MODIFIERS) || has(t, F.COMMON) || has(t, F.GENERIC_ALONE))) return undefined;
      if (rest.length === 1 && (has(last, F.PLACES) || has(last, F.DEMONYMS))) return undefined;
    } else if (i === 0 && part.length === 1) {
      return undefined;
    }
    return [roleStart(part, i), to];
  }
  return undefined;
}

/** The first word of the role whose head word is part[i] ("Deputy Prime Minister"). */
function roleStart(part: Token[], i: number): number {
  let from = i;
  while (from > 0 && (has(part[from - 1], F.TITLE_HEADS) || ROLE_PREFIX_WORDS.has(part[from - 1].lower)) && !has(part[from - 1], F.PLACES) && !has(part[from - 1], F.KNOWN_ACRONYMS)) from--;
  return from;
}

/** Do the words from part[i] to the end name an organization or a place by their shape or a list? */
function namesBody(part: Token[], i: number): boolean {
  const last = part[part.length - 1];
  if (knownSpanLength(part, i) === part.length - i) return true;
  if (i === part.length - 1) return has(last, F.PLACES | F.KNOWN_ORGS | F.NEWS_OUTLETS) || (last.allCaps && has(last, F.KNOWN_ACRONYMS));
  return has(last, F.ORG_SUFFIXES) && !has(last, F.TITLE_HEADS);
}

function roleHead(part: Token[], roleEnd: number): string {
  for (let i = roleEnd; i >= 0; i--) if (has(part[i], F.TITLE_HEADS)) return part[i].text.replace(/\.$/, '');
  return part[roleEnd].text;
}

/** Nouns that name a place when followed by "of" ("the town of Tacambaro"). */
const PLACE_NOUNS = new Set([
  'village', 'town', 'city', 'province', 'region', 'island', 'islands', 'district', 'county', 'state', 'capital', 'suburb',
  'port', 'municipality', 'republic', 'area', 'enclave', 'outskirts', 'neighbourhood', 'neighborhood', 'commune', 'hamlet',
  'settlement', 'governorate', 'oblast', 'prefecture', 'kingdom', 'emirate', 'territory', 'coast', 'shores', 'streets',
]);
/** Lower-case nouns after a name that make it a place ("Stansted airport", "Kosevo stadium"). */
const PLACE_NOUNS_AFTER = new Set([
  'airport', 'stadium', 'province', 'region', 'district', 'county', 'river', 'valley', 'prison', 'airbase', 'harbour',
  'harbor', 'island', 'mountains', 'sanatorium', 'square', 'village', 'township', 'municipality', 'governorate', 'oblast',
  'prefecture', 'peninsula', 'strait', 'border', 'enclave', 'suburb', 'neighbourhood', 'neighborhood', 'canal', 'dam',
]);

/** Last words of firms named after their founders ("Lehman Brothers", "Warner Bros"). */
const FAMILY_FIRMS = new Set(['brothers', 'bros', 'sons', 'partners', 'associates']);

/** ", 45," after a name: its age. */
const AGE_APPOSITION = /^ ?, ?\d{1,2} ?,/;
/** Attribution verbs written before the speaker ("said Henke"). */
const SAID_BEFORE = new Set(['said', 'says', 'added', 'asked', 'explained', 'recalled', 'wrote']);
/** A possessive followed by something only a person has ("Wang's family"). */
const PERSONAL_POSSESSION = /^ ?['’]s (?:wife|husband|son|daughter|father|mother|brother|sister|family|children|parents|widow|lawyer|lawyers|attorney|girlfriend|boyfriend|funeral|death|career|birthday|injury|knee|ankle|shoulder|health|rhythm|serve|forehand|backhand|debut|resignation|retirement)\b/;

/** Lower-case role nouns written right before a person's name ("striker Donato"). */
const PERSON_ROLE_BEFORE = new Set([
  'midfielder', 'striker', 'defender', 'goalkeeper', 'coach', 'manager', 'captain', 'forward', 'winger', 'spokesman',
  'spokeswoman', 'leader', 'chairman', 'secretary', 'senator', 'ambassador', 'envoy', 'commander', 'actor', 'actress',
  'singer', 'author', 'writer', 'player', 'rider', 'driver', 'skipper', 'batsman', 'bowler', 'keeper', 'opener', 'teammate',
  'compatriot', 'veteran', 'newcomer', 'spinner', 'seamer', 'centre', 'center', 'fly-half', 'scrum-half', 'prop', 'lock',
  'referee', 'umpire', 'trainer', 'jockey', 'boxer', 'golfer', 'sprinter', 'swimmer', 'cyclist', 'defenceman', 'quarterback',
  'pitcher', 'catcher', 'outfielder', 'infielder', 'shortstop', 'rookie', 'lawyer', 'attorney', 'prosecutor', 'judge',
]);
/** Lower-case nouns after a name that belong to an organization ("Tanjug spokesman"). */
const ORG_NOUNS_AFTER = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'shares', 'stock', 'executives', 'employees', 'workers', 'subsidiary',
  'shareholders', 'headquarters', 'chairman', 'ceo', 'board', 'bosses', 'management', 'stake', 'unit', 'plant', 'factory',
  'officials', 'militants', 'fighters', 'rebels', 'guerrillas', 'lawmakers', 'leadership', 'members',
]);

/** Bearings before "of" and a place ("east of Tavildara"). */
const BEARINGS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'outskirts', 'heart', 'centre', 'center']);
/** ", Scotland." / ", Fla 1996-08-30" after a word: the country or state, then the end of the clause or a date. */
const REGION_AFTER = /^ ?, ?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)(?= ?[.;)\n]| \d|$)/u;

/** Context words before a name that point to a place ("in Kyiv", "near Grozny"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'towards', 'toward']);

function typeSingle(t: Token, evidence: Evidence, text: string): Typed | undefined {
  const l = t.lower;
  if (t.allCaps || l.includes('.')) {
    const known = KNOWN_ACRONYMS.get(l);
    if (known) return { kind: known[0], rule: 'acronym', canonical: known[1] };
  }
  const outlet = has(t, F.NEWS_OUTLETS) ? NEWS_OUTLETS.get(l) : undefined;
  if (outlet) return { kind: 'org', rule: 'list:news-outlet', canonical: outlet };
  const org = KNOWN_ORGS.get(l);
  if (org) return { kind: 'org', rule: 'list:org', canonical: org };
  // A word's flags may come from its form without the final period ("Ga." → "ga"): look up both.
  if (has(t, F.PLACES)) {
    const place = PLACES.get(l) ?? PLACES.get(l.replace(/\.$/, ''));
    if (place) return placeTyped(place);
  }
  if (has(t, F.DEMONYMS)) {
    const demonym = DEMONYMS.get(l) ?? DEMONYMS.get(l.replace(/\.$/, ''));
    if (demonym) return { kind: 'place', rule: 'demonym', canonical: demonym, demonym: true };
  }
  if (t.allCaps && t.text.length <= 6 && !has(t, F.COMMON)) return { kind: 'org', rule: 'acronym' };
  if (t.allCaps && t.shouting && t.info.midAny === 0) return undefined;
  if (has(t, F.EVENT_SUFFIXES) || has(t, F.ORG_SUFFIXES)) return undefined;
  // "Simmons said": a name-like word before a speech verb is a person ("Google said" is not).
  if (has(t, F.PERSON_NAME_SET) && !has(t, F.COMMON) && PERSON_VERBS.has(wordAfter(text, t.end))) return { kind: 'person', rule: 'context:verb' };
  const before = wordBefore(text, t.start);
  // "the village of Layron", "east of Tavildara", "Stansted airport", "Sharqiyah province": a place noun or a bearing says so.
  if ((before === 'of' && (PLACE_NOUNS.has(wordBefore(text, t.start - 3)) || BEARINGS.has(wordBefore(text, t.start - 3)))) || PLACE_NOUNS_AFTER.has(wordAfter(text, t.end))) {
    return { kind: 'place', rule: 'context:place-noun' };
  }
  // "over Lockerbie, Scotland.", "Jacksonville, Fla.": a word before a comma and the country or
  // state it lies in, at the end of a clause, is a town there.
  if (text.charCodeAt(t.end) === 44 || text.charCodeAt(t.end + 1) === 44) {
    const region = REGION_AFTER.exec(text.slice(t.end, t.end + 40));
    if (region && PLACES.has(region[1].toLowerCase().replace(/\.$/, ''))) return { kind: 'place', rule: 'context:place-region' };
  }
  // "Wang, 45, was sentenced": an age in apposition; "said Henke": an inverted attribution;
  // "Jansher's rhythm", "Wang's family": a person's possessions.
  const tail = text.slice(t.end, t.end + 24);
  if (AGE_APPOSITION.test(tail) || (SAID_BEFORE.has(before) && NAME_SHAPE.test(t.text) && !has(t, F.COMMON)) || PERSONAL_POSSESSION.test(tail)) {
    return { kind: 'person', rule: 'context:person' };
  }
  // "midfielder Donato", "coach Lynagh": a lower-case role noun right before a name.
  if (PERSON_ROLE_BEFORE.has(before) && NAME_SHAPE.test(t.text)) return { kind: 'person', rule: 'context:role-noun' };
  // "Tanjug spokesman", "Gazprom shares": a noun that belongs to an organization follows.
  const after = wordAfter(text, t.end);
  if (ORG_NOUNS_AFTER.has(after) && !has(t, F.PERSON_NAME_SET)) return { kind: 'org', rule: 'context:org-noun' };
  if (PLACE_PREPOSITIONS.has(before) || (before === 'at' && !has(t, F.PERSON_NAME_SET) && isSports(evidence))) return { kind: 'place', rule: 'context:preposition' };
  // A bare surname is usually introduced by a full name; alone it is more often a team or firm.
  // assignKeys turns it into a person when the article names someone so.
  if (has(t, F.PERSON_NAME_SET)) return { kind: t.possessive ? 'person' : 'org', rule: 'gazetteer:person-name' };
  return { kind: 'org', rule: 'capitalised-run' };
}

function placeTyped(place: PlaceEntry): Typed {
  return { kind: 'place', rule: place.rule, canonical: place.canonical, key: place.key };
}

function typeMulti(tokens: Token[], text: string): Typed | 'split' | undefined {
  const words = tokens.map((t) => t.lower);
  let joined = words[0];
  let gapOf = false;
  for (let i = 1; i < tokens.length; i++) {
    const gap = tokens[i].start - tokens[i - 1].end;
    if (gap === 1) joined += ' ' + words[i];
    else {
      const g = text.slice(tokens[i - 1].end, tokens[i].start).toLowerCase();
      if (g === ' of ' || g === ' for ' || g === ' on ' || g === ' of the ' || g === ' for the ') gapOf = true;
      joined += g.replace(/[ \u00a0]+/g, ' ') + words[i];
    }
  }
  // "Wal - Mart", "Coca - Cola": a name written with a spaced hyphen is a company.
  if (tokens.length === 2 && text.slice(tokens[0].end, tokens[1].start) === ' - ') return { kind: 'org', rule: 'shape:hyphenated' };
  if (has(tokens[0], F.MULTI_WORD_STARTS)) {
    const org = KNOWN_ORGS.get(joined);
    if (org) return { kind: 'org', rule: 'list:org', canonical: org };
    const outlet = NEWS_OUTLETS.get(joined);
    if (outlet) return { kind: 'org', rule: 'list:news-outlet', canonical: outlet };
    const place = PLACES.get(joined);
    if (place) return placeTyped(place);
    const demonym = DEMONYMS.get(joined);
    if (demonym) return { kind: 'place', rule: 'demonym', canonical: demonym, demonym: true };
  }
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  // "West Indian", "North American": a compass word before a demonym is still a demonym.
  if (tokens.length === 2 && COMPASS.has(first.lower) && has(last, F.DEMONYMS)) return { kind: 'place', rule: 'demonym', canonical: DEMONYMS.get(last.lower), demonym: true };
  if (has(last, F.EVENT_SUFFIXES)) return undefined;
  // "Operation Inherent Resolve": a named military operation is an event.
  if (first.lower === 'operation' || first.lower === 'exercise') return undefined;
  // "said Jim Press": a given name and a surname that is also an organization word, after "said".
  if (tokens.length === 2 && SAID_BEFORE.has(wordBefore(text, first.start)) && has(first, F.PERSON_NAME_SET) && !has(first, F.COMMON | F.PLACES | F.DEMONYMS | F.ORG_SUFFIXES) && NAME_SHAPE.test(last.text) && !has(last, F.CORPORATE_FORMS) && !FAMILY_FIRMS.has(last.lower)) {
    return { kind: 'person', rule: 'context:person' };
  }
  if (has(last, F.ORG_SUFFIXES) && !has(last, F.PLACE_SUFFIXES)) return { kind: 'org', rule: 'shape:org-suffix' };
  if (gapOf && has(first, F.PLACE_HEADS_OF)) return { kind: 'place', rule: 'shape:place-of' };
  if (gapOf && has(first, F.ORG_HEADS_OF)) return { kind: 'org', rule: 'shape:org-of' };
  if (has(last, F.PLACE_SUFFIXES) && !(SURNAME_PLACE_SUFFIXES.has(last.lower) && has(first, F.PERSON_NAME_SET))) return { kind: 'place', rule: 'shape:place-suffix' };
  // "Philadelphia Eagles", "Boston Celtics": a city before an unknown word names a team or firm.
  if (tokens.length === 2 && has(first, F.PLACES) && !has(first, F.PERSON_NAME_SET | F.DEMONYMS) && !has(last, F.PLACES) && !COMMON_WORD_GIVEN_NAMES.has(first.lower)) return { kind: 'org', rule: 'shape:place-org' };
  // "East Asia", "Southern Europe": a compass word before a place is a region.
  if (tokens.length === 2 && COMPASS.has(first.lower) && has(last, F.PLACES)) return { kind: 'place', rule: 'shape:compass-place' };
  // "Dynamo Moscow", "Real Madrid": a word before a city is a club, not a person.
  if (tokens.length === 2 && has(last, F.PLACES) && !has(first, F.PERSON_NAME_SET | F.PLACES | F.DEMONYMS) && !COMMON_WORD_GIVEN_NAMES.has(first.lower) && !INITIAL.test(first.text)) return { kind: 'org', rule: 'shape:club' };
  // "the port of Halden Point": a place noun and "of" before the name.
  if (wordBefore(text, first.start) === 'of' && PLACE_NOUNS.has(wordBefore(text, first.start - 3))) return { kind: 'place', rule: 'context:place-noun' };
  if (has(last, F.ORG_SUFFIXES)) return { kind: 'org', rule: 'shape:org-suffix' };
  // A list of places written without commas in a headline ("Russia Ukraine") or a place before a name.
  if (tokens.every((t) => has(t, F.PLACES) || has(t, F.DEMONYMS))) return 'split';
  // "striker Mark Cairns": a lower-case role noun before name-shaped words.
  if (tokens.length <= 3 && PERSON_ROLE_BEFORE.has(wordBefore(text, first.start)) && tokens.every((t) => NAME_SHAPE.test(t.text) && !has(t, F.ORG_SUFFIXES))) {
    return { kind: 'person', rule: 'context:role-noun' };
  }
  const givenFirst = has(first, F.PERSON_NAME_SET) && !has(first, F.COMMON) && (!has(first, F.PLACES) || has(last, F.PERSON_NAME_SET) || (!has(last, F.PLACES) && !has(last, F.COMMON)));
  if ((INITIAL.test(tokens[0].text) || givenFirst) && tokens.length <= 4) return { kind: 'person', rule: 'gazetteer:given-name' };
  if (tokens.every((t) => t.allCaps)) {
    if (tokens[0].shouting && !tokens.some((t) => t.info.midAny > 0)) return undefined;
    return { kind: 'org', rule: 'capitalised-run' };
  }
  if (tokens.length <= 3 && has(last, F.PERSON_NAME_SET) && !has(last, F.COMMON) && !tokens[0].allCaps) return { kind: 'person', rule: 'gazetteer:person-name' };
  // Two or three unknown, uncommon words with no organization or place shape are most often a person.
  if (tokens.length <= 3 && tokens.every((t, i) => NAME_SHAPE.test(t.text) && (!has(t, F.COMMON | F.GENERIC_ALONE) || (i === 0 && COMMON_WORD_GIVEN_NAMES.has(t.lower))))) {
    return { kind: 'person', rule: 'capitalised-run' };
  }
  return { kind: 'org', rule: 'capitalised-run' };
}

/** The lower-case word right after `end` (skipping one space or ", "), or "". */
function wordAfter(text: string, end: number): string {
  let i = end;
  if (text.charCodeAt(i) === 44) i++;
  if (text.charCodeAt(i) !== 32) return '';
  i++;
  let j = i;
  while (j < text.length && j - i < 16) {
    const c = text.charCodeAt(j);
    if (c < 97 || c > 122) break;
    j++;
  }
  return text.slice(i, j);
}

/** The lower-case word right before `start` (one space between), or "". */
function wordBefore(text: string, start: number): string {
  if (text.charCodeAt(start - 1) !== 32) return '';
  let i = start - 1;
  while (i > 0 && start - i < 12) {
    const c = text.charCodeAt(i - 1);
    if (c < 97 || c > 122) break;
    i--;
  }
  if (i > 0 && isLetterOrDigit(text, i - 1)) return '';
  return text.slice(i, start - 1);
}
