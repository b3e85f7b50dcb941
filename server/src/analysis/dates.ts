/**
 * The dates stage: finds time expressions ("March 13, 2021", "last week", "two days ago") and
 * gives each a TIMEX3 value resolved against the article date. One precompiled alternation of
 * every rule scans the text once; only matched words are re-read by the rule that matched.
 * Without an article date, relative expressions keep value null and say why in `unresolved`:
 * we never guess from the clock.
 */
import type { ArticleDate, DateMention } from './types';
import { parseYmd, type Ymd } from './dates/calendar';
import { isFalseDate } from './dates/guards';
import { tenseAround, type Tense } from './dates/tense';
import { RULES, type Reading, type Rule, type RuleContext } from './dates/rules';

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

const MASTER = new RegExp(`${BEFORE}(?:${RULES.map((r) => `(${unnamed(r.source)})`).join('|')})${AFTER}`, 'gi');
// Each rule alone, sticky, to read its named groups at a known position.
const STICKY = RULES.map((r) => new RegExp(`(?:${r.source})${AFTER}`, 'iy'));

function makeContext(text: string, start: number, end: number, anchor: Ymd | null): RuleContext {
  let tense: Tense | undefined;
  return {
    text,
    start,
    end,
    anchor,
    future: () => (tense ??= tenseAround(text, start, end)).future,
    tenseDistance: () => (tense ??= tenseAround(text, start, end)).distance,
  };
}

/** Tries rule i at a position; returns the reading and end, or null. */
function tryRule(rule: Rule, sticky: RegExp, text: string, at: number, anchor: Ymd | null): { reading: Reading; end: number } | null {
  sticky.lastIndex = at;
  const m = sticky.exec(text);
  if (!m || m[0].length === 0) return null;
  const end = at + m[0].length;
  if (isFalseDate(text, at, end)) return null;
  const reading = rule.handle(m.groups ?? {}, makeContext(text, at, end, anchor));
  return reading ? { reading, end } : null;
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
  MASTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MASTER.exec(text)) !== null) {
    const at = m.index;
    if (m[0].length === 0) {
      MASTER.lastIndex = at + 1;
      continue;
    }
    let ruleIndex = 1;
    while (ruleIndex < m.length && m[ruleIndex] === undefined) ruleIndex++;
    let found: { reading: Reading; end: number } | null = null;
    // The first rule that matched may still reject (a lower-case "march", "2000 people"):
    // then later rules get their chance at the same position.
    for (let i = ruleIndex - 1; i < RULES.length && !found; i++) {
      try {
        found = tryRule(RULES[i], STICKY[i], text, at, anchorDate);
      } catch {
        found = null;
      }
    }
    if (!found) {
      MASTER.lastIndex = at + 1;
      continue;
    }
    MASTER.lastIndex = found.end;
    const { reading, end } = found;
    const mention: DateMention = {
      kind: 'date',
      type: reading.type,
      start: at,
      end,
      text: text.slice(at, end),
      value: reading.value,
      relative: reading.relative,
      reading: reading.reading,
    };
    if (reading.relative && reading.value === null) mention.unresolved = NO_ANCHOR_REASON;
    out.push(mention);
  }
  shiftComparisonsToQuarter(text, out);
  return out;
}

const YEAR_BEFORE = /^(?:(?:a|one)\s+year\s+(?:ago|earlier)|(?:the\s+)?year[-\s](?:ago|earlier))$/i;
const QUARTER_VALUE = /^(\d{4})-Q([1-4])$/;

/**
 * In results stories "a year ago" compares with the quarter being reported ("profit rose in
 * the third quarter from $5 million a year ago"): it means that quarter a year earlier. When a
 * quarter was named shortly before in the same paragraph, the comparison takes its value.
 */
function shiftComparisonsToQuarter(text: string, mentions: DateMention[]): void {
  let lastQuarter: DateMention | undefined;
  for (const mention of mentions) {
    if (mention.value && QUARTER_VALUE.test(mention.value)) {
      lastQuarter = mention;
      continue;
    }
    if (!lastQuarter || !mention.value || !/^\d{4}$/.test(mention.value) || !YEAR_BEFORE.test(mention.text)) continue;
    if (mention.start - lastQuarter.end > 600 || /\n[ \t]*\n/.test(text.slice(lastQuarter.end, mention.start))) continue;
    const [, y, q] = QUARTER_VALUE.exec(lastQuarter.value!)!;
    mention.value = `${+y - 1}-Q${q}`;
    mention.reading += `, the same quarter as "${lastQuarter.text}" a year earlier`;
  }
}
