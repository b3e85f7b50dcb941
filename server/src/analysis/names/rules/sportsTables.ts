/**
 * Teams read from the shape of sports results, as wire services print them:
 *  - a results line: "Kestrel Rovers 3 Halden Town 1", "Marlow 2 Pellingham 2 ( halftime 1-0 )";
 *  - a table row: a name, then only numbers ("Kestrel Rovers 5 4 1 0 12 3 13", "Marlow 64 2 43 .596 -");
 *  - a scorecard entry, on a line that is a list of scores rather than a sentence: a name after
 *    the line start, a colon, a comma or a semicolon, then its score ("Leicestershire 296 .",
 *    "Kent 108-3 ,", "Glamorgan 259 and 207 ( ... )", "Somerset 4 points");
 *  - a fixture: "East Fife v Clydebank", "Birmingham vs Barnsley".
 * In an article about sport such a name is a team, an organization, even when it is also a town
 * ("Leeds"), a county ("Surrey") or a word ("Sale", "Bath"); a country stays a place (national
 * sides are named as their countries), and a name that reads as a person's ("Ernie Els 67 69")
 * or stands inside brackets (a bowler's figures) is left as it is.
 */
import { DEMONYMS, PLACES } from '../../gazetteer/places';
import { Bit, Kind, hashLower, type Tokens } from '../../tagger/tokenize';
import type { Draft } from '../assignKeys';
import { F, wordFlags } from '../lexicon';
import { KNOWN_ACRONYMS } from '../wordLists';
import { isSports, type Evidence } from './evidence';
import { DATELINE_DATE } from './token';

/** Lower-case words that may join the words of a team's name ("Brighton and Hove Albion", "Heart of Midlothian"). */
const CONNECTORS = new Set(['of', 'and', 'de', 'del', 'la', 'le', 'di', 'van', 'von', 'du', 'da'].map(hashLower));
const POINTS = new Set(['points', 'pts', 'pt', 'point'].map(hashLower));
const AND = hashLower('and');
/** The longest line read as a table row or a list of scores, in tokens. */
const LONGEST_LINE = 120;
/** A list of scores has at most this many lower-case words outside brackets; a sentence has more. */
const SCORECARD_WORDS = 3;

/** Names of teams found in the article's results, tables and scorecards, as character spans. */
export function readTableTeams(text: string, evidence: Evidence, drafts: Draft[]): void {
  const tokens = evidence.tokens;
  let spans: Array<[number, number]> | undefined;
  let lower: Set<number> | undefined;
  for (let a = 0; a < tokens.count; ) {
    let b = a + 1;
    while (b < tokens.count && !(tokens.bits[b] & Bit.LineStart)) b++;
    if (b - a <= LONGEST_LINE && hasNumber(tokens, a, b)) {
      const found = lineTeams(tokens, a, b);
      // The article-wide sports test only once a line has the shape of results.
      if (found.length && isSports(evidence)) {
        lower ??= lowerCaseWords(tokens);
        const words = lower;
        (spans ??= []).push(...found.filter(([s, e, strong]) => isTeamName(tokens, s, e, strong, words)).map(([s, e]): [number, number] => [tokens.start[s], tokens.end[e - 1]]));
      }
    }
    a = b;
  }
  if (spans) for (const [start, end] of spans) markTeam(text, drafts, start, end);
}

/** The hashes of the words the article writes in lower case. */
function lowerCaseWords(tokens: Tokens): Set<number> {
  const words = new Set<number>();
  for (let i = 0; i < tokens.count; i++) if (tokens.kind[i] === Kind.Lower) words.add(tokens.hash[i]);
  return words;
}

/** Does the line hold a number or a "v" (the shapes above all have one)? */
function hasNumber(tokens: Tokens, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (tokens.kind[i] === Kind.Number || (tokens.kind[i] === Kind.Lower && VERSUS.has(tokens.hash[i]))) return true;
  return false;
}

/**
 * A team name as a token range, and whether the shape alone is enough (a results line or a
 * fixture pairs two names) or the name must not be a common word (a table row or a scorecard
 * entry could be a label: "Total 228").
 */
type Found = [start: number, end: number, strong: boolean];

/** The team names of one line [a, b) by the shapes above. */
function lineTeams(tokens: Tokens, a: number, b: number): Found[] {
  const first = nameEnd(tokens, a, b);
  // "LONDON 1996-08-30": a dateline, not a table row.
  if (first > a && first < b && DATELINE_DATE.test(tokens.text.slice(tokens.end[first - 1], tokens.end[first - 1] + 12))) return [];
  if (first > a) {
    // A table row: a name, then numbers and the marks between them only.
    if (onlyNumbers(tokens, first, b) >= 2) return [[a, first, false]];
    // A results line: a name, a score, a name, a score, then the end or a bracket; each name may
    // be followed by its country or town in brackets ("Benetton ( Italy ) 92 Dinamo ( Russia ) 81").
    const score = scoreEnd(tokens, afterQualifier(tokens, first, b), b);
    if (score > first) {
      const second = nameEnd(tokens, score, b);
      const end = second > score ? scoreEnd(tokens, afterQualifier(tokens, second, b), b) : -1;
      if (end > second && (end === b || isChar(tokens, end, 40))) return [[a, first, true], [score, second, true]];
    }
    // A table row whose name has a qualifier: "Mladost ( L ) 4 2 1 1 8 5 7".
    const qualified = afterQualifier(tokens, first, b);
    if (qualified > first && onlyNumbers(tokens, qualified, b) >= 2) return [[a, first, false]];
  }
  return [...scorecardTeams(tokens, a, b), ...fixtureTeams(tokens, a, b)];
}

/** After a bracketed qualifier of one to three tokens right after a name ("( Italy )", "( L )"), else i. */
function afterQualifier(tokens: Tokens, i: number, b: number): number {
  if (i >= b || !isChar(tokens, i, 40)) return i;
  for (let j = i + 1; j < b && j <= i + 4; j++) if (isChar(tokens, j, 41)) return j > i + 1 ? j + 1 : i;
  return i;
}

const VERSUS = new Set(['v', 'vs', 'v.', 'vs.', 'versus'].map(hashLower));

/** Fixtures outside brackets: "East Fife v Clydebank", "Birmingham vs Barnsley". */
function fixtureTeams(tokens: Tokens, a: number, b: number): Found[] {
  const out: Found[] = [];
  for (let i = a + 1; i + 1 < b; i++) {
    if (tokens.kind[i] !== Kind.Lower || !VERSUS.has(tokens.hash[i])) continue;
    const second = nameEnd(tokens, i + 1, b);
    if (second === i + 1) continue;
    let first = i;
    while (first > a && (isNameWord(tokens, first - 1) || (first - 2 > a && isNameWord(tokens, first - 2) && (CONNECTORS.has(tokens.hash[first - 1]) || isChar(tokens, first - 1, 38))))) first -= isNameWord(tokens, first - 1) ? 1 : 2;
    if (first < i) out.push([first, i, true], [i + 1, second, true]);
  }
  return out;
}

/**
 * Scorecard entries of a line that reads as a list of scores: a name after the line start, a
 * colon, a comma or a semicolon (outside brackets), then a score, then a bracket, a comma, a
 * full stop, a semicolon, "and" or the end of the line.
 */
function scorecardTeams(tokens: Tokens, a: number, b: number): Found[] {
  const out: Found[] = [];
  let depth = 0;
  let lowerWords = 0;
  for (let i = a; i < b; i++) {
    if (isChar(tokens, i, 40) || isChar(tokens, i, 91)) depth++;
    else if ((isChar(tokens, i, 41) || isChar(tokens, i, 93)) && depth > 0) depth--;
    else if (depth === 0 && tokens.kind[i] === Kind.Lower) lowerWords++;
    if (depth > 0 || !(i === a || isChar(tokens, i - 1, 58) || isChar(tokens, i - 1, 44) || isChar(tokens, i - 1, 59))) continue;
    const name = nameEnd(tokens, i, b);
    if (name === i) continue;
    const score = scoreEnd(tokens, name, b);
    if (score > name && (score === b || isChar(tokens, score, 40) || isChar(tokens, score, 44) || isChar(tokens, score, 46) || isChar(tokens, score, 59) || tokens.hash[score] === AND)) {
      out.push([i, name, false]);
    }
  }
  return lowerWords <= SCORECARD_WORDS ? out : [];
}

/** End of the name that starts at token i (i itself when none does): capitalised words and the few words and hyphens that join them. */
function nameEnd(tokens: Tokens, i: number, b: number): number {
  if (!isNameWord(tokens, i)) return i;
  let end = i + 1;
  while (end < b) {
    if (isNameWord(tokens, end)) end++;
    else if (end + 1 < b && isNameWord(tokens, end + 1) && (CONNECTORS.has(tokens.hash[end]) || (isChar(tokens, end, 45) && tokens.bits[end] & Bit.Glued && tokens.bits[end + 1] & Bit.Glued) || isChar(tokens, end, 38))) end += 2;
    else break;
  }
  return end;
}

function isNameWord(tokens: Tokens, i: number): boolean {
  const k = tokens.kind[i];
  return k === Kind.Cap || k === Kind.Upper || k === Kind.Mixed;
}

/** End of the score that starts at token i (i when none does): "3", "429-7", "1/2", "259 and 207", "22 points". */
function scoreEnd(tokens: Tokens, i: number, b: number): number {
  let end = numberEnd(tokens, i, b);
  if (end === i) return i;
  if (end + 1 < b && tokens.hash[end] === AND) {
    const second = numberEnd(tokens, end + 1, b);
    if (second > end + 1) end = second;
  }
  if (end < b && POINTS.has(tokens.hash[end])) end++;
  return end;
}

/**
 * A number, or two joined ("429-7", "1/2", "3.5"), or i. Three or more joined are not a score:
 * "8-0-39-3" is a bowler's figures, "1996-08-30" a date.
 */
function numberEnd(tokens: Tokens, i: number, b: number): number {
  if (i >= b || tokens.kind[i] !== Kind.Number) return i;
  const joined = (j: number): boolean => j + 1 < b && !!(tokens.bits[j] & Bit.Glued) && !!(tokens.bits[j + 1] & Bit.Glued) && tokens.kind[j + 1] === Kind.Number && (isChar(tokens, j, 45) || isChar(tokens, j, 47) || isChar(tokens, j, 46));
  if (!joined(i + 1)) return i + 1;
  return joined(i + 3) ? i : i + 3;
}

/** Counts the numbers of tokens [i, b) when they are all numbers and the marks between them ("64 2 43 .596 -", "5 1/2"); else 0. */
function onlyNumbers(tokens: Tokens, i: number, b: number): number {
  let numbers = 0;
  for (let j = i; j < b; j++) {
    if (tokens.kind[j] === Kind.Number) numbers++;
    else if (!(tokens.kind[j] === Kind.Punct && (isChar(tokens, j, 46) || isChar(tokens, j, 45) || isChar(tokens, j, 47) || isChar(tokens, j, 43) || isChar(tokens, j, 37)))) return 0;
  }
  return numbers;
}

function isChar(tokens: Tokens, i: number, code: number): boolean {
  return tokens.kind[i] === Kind.Punct && tokens.text.charCodeAt(tokens.start[i]) === code && tokens.end[i] - tokens.start[i] === 1;
}

/**
 * Is the name of tokens [s, e) a team's? Not a country (a national side is its country), not a
 * person's name (a given name and a surname, or an initial), not a month or a word that is
 * never a name ("January 3", "Round 2").
 */
function isTeamName(tokens: Tokens, s: number, e: number, strong: boolean, lower: Set<number>): boolean {
  const surface = tokens.text.slice(tokens.start[s], tokens.end[e - 1]).toLowerCase();
  const place = PLACES.get(surface);
  if (place && (place.rule === 'gazetteer:country' || place.rule === 'gazetteer:historical' || place.rule.startsWith('alias:'))) return false;
  if (DEMONYMS.has(surface) || KNOWN_ACRONYMS.get(surface)?.[0] === 'place') return false;
  const words: string[] = [];
  for (let i = s; i < e; i++) if (isNameWord(tokens, i)) words.push(tokens.text.slice(tokens.start[i], tokens.end[i]).toLowerCase());
  if (words.some((w) => wordFlags(w) & (F.NEVER_NAMES | F.TITLE_HEADS))) return false;
  // "Halftime 1-0", "Attendance 35,000", "Total 228": a label (a common word, or one the article
  // also writes in lower case), unless a results line or a fixture says otherwise.
  if (!strong && e - s === 1 && (wordFlags(words[0]) & (F.COMMON | F.GENERIC_ALONE) || lower.has(tokens.hash[s]))) return false;
  if (words.length >= 2) {
    const firstFlags = wordFlags(words[0]);
    const lastFlags = wordFlags(words[words.length - 1]);
    if (/^\p{L}\.$/u.test(words[0])) return false;
    if (firstFlags & F.PERSON_NAME_SET && lastFlags & F.PERSON_NAME_SET && !((firstFlags | lastFlags) & (F.PLACES | F.COMMON))) return false;
  }
  return true;
}

/** Makes the span a team: the rules' draft there is retyped, or one is added in place of those it overlaps. */
function markTeam(text: string, drafts: Draft[], start: number, end: number): void {
  const same = drafts.find((d) => d.start === start && d.end === end);
  if (same) {
    if (same.kind === 'person' && same.rule.startsWith('title:')) return;
    same.kind = 'org';
    same.rule = 'context:sports-table';
    same.canonical = undefined;
    same.key = undefined;
    same.demonym = undefined;
    return;
  }
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].start < end && start < drafts[i].end) drafts.splice(i, 1);
  const words = text.slice(start, end).split(/\s+/);
  drafts.push({ start, end, words, kind: 'org', rule: 'context:sports-table', firstLower: words[0].toLowerCase() });
}
