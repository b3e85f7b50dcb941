/**
 * The dates stage: finds time expressions ("March 13, 2021", "last week", "two days ago") and
 * gives each a TIMEX3 value resolved against the article date. A fast scan for trigger words
 * (digits, month and weekday names, time units) finds candidates; one precompiled alternation
 * of every rule is tried just there, and only the matched words are re-read by their rule.
 * Without an article date, relative expressions keep value null and say why in `unresolved`:
 * we never guess from the clock.
 */
import type { ArticleDate, DateMention } from './types';
import { parseYmd, type Ymd } from './dates/calendar';
import { isFalseDate } from './dates/guards';
import { TenseIndex, type Tense } from './dates/tense';
import { RULES, type Reading, type Rule, type RuleContext } from './dates/rules';
import { trieAlternation } from './dates/trieAlternation';

export { describeDateValue } from './dates/describe';

/** Why a relative date has no value. */
export const NO_ANCHOR_REASON =
  'no article date: add a `date YYYY-MM-DD` line or set corpusLens.articleDates';

// Letters and digits may not touch a match on either side ("Marching", "12014", "v2021").
const BEFORE = '(?<![A-Za-z0-9_])';
const AFTER = '(?![A-Za-z0-9_])';

/** A rule's source with its group names removed, so the master regex has one group per rule. */
function unnamed(source: string): string {
  return source.replace(/\(\?<[A-Za-z]\w*>/g, '(?:');
}

// Every rule at one position, sticky: tried only where a trigger word says a date may start.
const MASTER = new RegExp(`${BEFORE}(?:${RULES.map((r) => `(${unnamed(r.source)})`).join('|')})${AFTER}`, 'iy');
// Each rule alone, sticky, to read its named groups at a known position.
const STICKY = RULES.map((r) => new RegExp(`(?:${r.source})${AFTER}`, 'iy'));

/**
 * Words (and number shapes) that every time expression contains. Scanning for these is several
 * times faster than trying the full grammar at every position; the grammar then runs only at
 * the few word starts just before each trigger, where modifiers such as "the end of" begin.
 */
const TRIGGER_WORDS = [
  ...'jan feb mar apr may jun jul aug sep sept oct nov dec'.split(' '),
  ...'january february march april june july august september october november december'.split(' '),
  ...['mon', 'tues', 'wednes', 'thurs', 'fri', 'satur', 'sun'].flatMap((d) => [`${d}day`, `${d}days`]),
  ...'today tonight yesterday tomorrow now nowadays current currently presently present recent recently lately'.split(' '),
  ...'past future term moment'.split(' '),
  ...'second minute hour day week weekend fortnight month quarter year decade period half'.split(' ').flatMap((u) => [u, `${u}s`]),
  ...'century centuries millennium millennia'.split(' '),
  ...'spring summer fall autumn winter daily weekly monthly annual yearly hourly nightly biweekly bimonthly'.split(' '),
  ...'noon midnight midday midafternoon midmorning morning afternoon evening night'.split(' '),
  ...'christmas thanksgiving halloween independence valentine easter labor memorial'.split(' '),
  ...'twenties thirties forties fifties sixties seventies eighties nineties nineteen'.split(' '),
];
const TRIGGER = new RegExp(
  // Numbers trigger only in shapes a date can start with: a four-digit year, a clock or numeric
  // date ("10:30", "3/13/2021"), "10 p.m.", a decade ("'90s"). Counts ("two days", "13 March")
  // are reached from their unit or month word, which backs off over the number.
  // The words form a trie-shaped alternation, which V8 scans about a third faster than a flat list.
  `\\d(?:\\d\\d\\d(?!\\d)|\\d?(?= ?[:/.] ?\\d)|\\d?\\s*[ap](?: ?\\.)? ?m\\b|0s\\b)|\\b(?:${trieAlternation(TRIGGER_WORDS)})\\b`,
  'gi',
);

// How far before a trigger an expression may start: "more than two thousand years", "the end of this year".
const MAX_WORDS_BACK = 6;
const MAX_CHARS_BACK = 60;

/**
 * Words that may open a time expression before its trigger word. Only a run of these (or of
 * numbers) before a trigger is worth trying, which keeps the grammar off most of the text.
 */
const LEAD_WORDS = new Set(
  (
    'the a an last this next past previous coming current prior following latest final first second third fourth ' +
    'early late mid earlier later end beginning start middle rest remainder half of about nearly almost roughly around ' +
    'some more less fewer than at least up to within only just over barely few couple several many dozen hundred ' +
    'hundreds thousands dozens every each per other fiscal calendar same comparable most recent year-ago year-earlier ' +
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety and right these until additional remaining ' +
    'straight consecutive full whole entire near distant foreseeable long short medium post pre fy year year\'s very ' +
    'initial 1st 2nd 3rd 4th'
  ).split(' '),
);

const LOWER_MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)$/;

function isLowerMonth(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 97 && code <= 122 && LOWER_MONTH.test(word);
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Where an expression around the trigger at `at` may start: the trigger itself, an apostrophe
 * just before it ("'90s"), and the starts of the lead words or numbers right before it, in
 * text order.
 */
function startsBefore(text: string, at: number, floor: number): number[] {
  const starts: number[] = [at];
  if (at > 0 && text.charCodeAt(at - 1) === 39) starts.push(at - 1);
  const min = Math.max(floor, at - MAX_CHARS_BACK);
  let i = at;
  while (starts.length <= MAX_WORDS_BACK) {
    // Step over the separator before the current word: spaces, a hyphen, a comma, "'s".
    let j = i;
    while (j > min && !isWordChar(text.charCodeAt(j - 1))) {
      const code = text.charCodeAt(j - 1);
      if (code !== 32 && code !== 9 && code !== 45 && code !== 44 && code !== 39 && code !== 47) return starts.reverse();
      j--;
    }
    const wordEnd = j;
    while (j > min && (isWordChar(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === 39)) j--;
    if (j === wordEnd || (j === min && j > 0 && isWordChar(text.charCodeAt(j - 1)))) break;
    if (!isDigit(text.charCodeAt(j)) && (wordEnd - j > 12 || !LEAD_WORDS.has(text.slice(j, wordEnd).toLowerCase()))) break;
    starts.push(j);
    i = j;
  }
  return starts.reverse();
}

function makeContext(text: string, start: number, end: number, anchor: Ymd | null, tenses: TenseIndex): RuleContext {
  let tense: Tense | undefined;
  return {
    text,
    start,
    end,
    anchor,
    future: () => (tense ??= tenses.tenseAround(start, end)).future,
    tenseDistance: () => (tense ??= tenses.tenseAround(start, end)).distance,
  };
}

/** What one findDates call knows about its article. */
interface Scan {
  text: string;
  anchor: Ymd | null;
  tenses: TenseIndex;
  /** False when the text has no slash and no at sign, so no date in it sits in a URL or address. */
  mayHoldAddress: boolean;
}

function tryRule(rule: Rule, sticky: RegExp, scan: Scan, at: number): { reading: Reading; end: number } | null {
  const { text } = scan;
  sticky.lastIndex = at;
  const m = sticky.exec(text);
  if (!m || m[0].length === 0) return null;
  const end = at + m[0].length;
  if (isFalseDate(text, at, end, scan.mayHoldAddress)) return null;
  const reading = rule.handle(m.groups ?? {}, makeContext(text, at, end, scan.anchor, scan.tenses));
  return reading ? { reading, end } : null;
}

/** The time expression starting exactly at `at`, if any: the first rule that matches and accepts. */
function matchAt(scan: Scan, at: number): { reading: Reading; end: number } | null {
  MASTER.lastIndex = at;
  const m = MASTER.exec(scan.text);
  if (!m || m[0].length === 0) return null;
  let ruleIndex = 1;
  while (ruleIndex < m.length && m[ruleIndex] === undefined) ruleIndex++;
  // The first rule that matched may still reject (a lower-case "march", "2000 people"):
  // then later rules get their chance at the same position.
  for (let i = ruleIndex - 1; i < RULES.length; i++) {
    try {
      const found = tryRule(RULES[i], STICKY[i], scan, at);
      if (found) return found;
    } catch {
      // A rule that fails on odd input simply does not match.
    }
  }
  return null;
}

function toMention(text: string, start: number, found: { reading: Reading; end: number }): DateMention {
  const { reading, end } = found;
  const mention: DateMention = {
    kind: 'date',
    type: reading.type,
    start,
    end,
    text: text.slice(start, end),
    value: reading.value,
    relative: reading.relative,
    reading: reading.reading,
  };
  if (reading.relative && reading.value === null) mention.unresolved = NO_ANCHOR_REASON;
  return mention;
}

/**
 * Finds every time expression in an article. Relative ones ("Wednesday", "last week") are
 * resolved against `anchor`; when the anchor's source is 'none' their value is null and
 * `unresolved` explains why. Never throws; offsets are UTF-16 indices.
 */
export function findDates(text: string, anchor: ArticleDate): DateMention[] {
  const out: DateMention[] = [];
  if (!text) return out;
  const anchorDate = anchor.source !== 'none' ? parseYmd(anchor.value) : null;
  const mayHoldAddress = text.indexOf('/') >= 0 || text.indexOf('@') >= 0;
  const scan: Scan = { text, anchor: anchorDate, tenses: new TenseIndex(text), mayHoldAddress };
  // Everything before `consumed` belongs to a found expression; positions up to `tried` failed.
  let consumed = 0;
  let tried = -1;
  TRIGGER.lastIndex = 0;
  let trigger: RegExpExecArray | null;
  while ((trigger = TRIGGER.exec(text)) !== null) {
    if (trigger.index < consumed) continue;
    // Month names only count capitalised ("may" and "march" are verbs); skip the grammar for them.
    if (isLowerMonth(trigger[0])) continue;
    for (const at of startsBefore(text, trigger.index, consumed)) {
      if (at < consumed || at <= tried) continue;
      tried = at;
      const found = matchAt(scan, at);
      if (!found) continue;
      out.push(toMention(text, at, found));
      consumed = found.end;
    }
    if (TRIGGER.lastIndex < consumed) TRIGGER.lastIndex = consumed;
  }
  if (anchorDate) shiftComparisonsToQuarter(out, anchorDate);
  return out;
}

const YEAR_BEFORE = /^(?:(?:a|one)\s+year\s+(?:ago|earlier)|(?:the\s+|a\s+)?year[-\s](?:ago|earlier))$/i;
const QUARTER_REACH = 400;
const QUARTER_VALUE = /^(\d{4})-Q([1-4])$/;

/**
 * In results stories "a year ago" compares with the quarter being reported ("profit rose in
 * the third quarter from $5 million a year ago"): it means that quarter a year earlier. When a
 * quarter being reported (the current or a just-completed one) was named shortly before, the
 * comparison takes it.
 */
function shiftComparisonsToQuarter(mentions: DateMention[], anchor: Ymd): void {
  const anchorQuarter = anchor.y * 4 + Math.floor((anchor.m - 1) / 3);
  let lastQuarter: DateMention | undefined;
  for (const mention of mentions) {
    if (mention.value && QUARTER_VALUE.test(mention.value)) {
      lastQuarter = mention;
      continue;
    }
    // The comparison sits close to the quarter it compares (a paragraph or so).
    if (lastQuarter && mention.start - lastQuarter.end > QUARTER_REACH) continue;
    if (!lastQuarter || !mention.value || !/^\d{4}$/.test(mention.value) || !YEAR_BEFORE.test(mention.text)) continue;
    const [, y, q] = QUARTER_VALUE.exec(lastQuarter.value!)!;
    // Only the quarter being reported counts: the current or a just-completed one, not "the 1988 period".
    const behind = anchorQuarter - (+y * 4 + +q - 1);
    if (behind < 0 || behind > 2) continue;
    mention.value = `${+y - 1}-Q${q}`;
    mention.reading += `, the same quarter as "${lastQuarter.text}" a year earlier`;
  }
}
