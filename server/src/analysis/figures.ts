import { readDigitFigure } from './figures/digitFigures';
import type { Draft } from './figures/draft';
import { codeAt, isDigit, isLetter, isWordChar } from './figures/guards';
import { NUMBER_WORD_ALTERNATION } from './figures/numberWords';
import { readWordFigure } from './figures/wordFigures';
import type { DateMention, FigureMention } from './types';
import { trieAlternation } from './dates/trieAlternation';

/*
 * Figures: money, percentages and counts. One global regex finds where a number may start (a
 * digit, a number word, "a million", "dozens"); small sticky readers then read forward (scale,
 * range, %, currency, unit, counted noun) and a few short look-behinds read backward
 * (currency sign, approximator, the word before). Span convention, as the MEANTIME and re3d
 * gold mark figures: the currency and the unit are part of the span ("$5bn", "US$ 40",
 * "7.5 kilometers", "40 per cent"), the approximator and the counted noun are not (they are
 * in `approx` and `counted`).
 *
 * `measure` groups figures across the corpus: "money:<ISO code>" ("money:USD"); "percent",
 * "percent:<noun>" when the text says what share ("30% of the territory" → "percent:territory")
 * or "percentage points"; for a unit of measure its canonical symbol ("km", "GB", "tonnes");
 * "age" for ages; "times" for "18-fold" or "at least once"; otherwise the counted noun in the
 * lower-case plural ("one strike" and "15 strikes" → "strikes"), and "number" when nothing is
 * counted.
 *
 * The readers live in figures/: digitFigures and wordFigures read a figure from its first digit
 * or word (digits and numberWords read the number itself); ranges, suffixes (%, currency after,
 * units) and approximators extend it; finishFigure decides its measure and whether it is a
 * figure at all (countedNoun reads what it counts).
 */

// Where a figure may start: a digit, or a number word at a word start ("someone", "often" do
// not match). The words are compiled into a trie-shaped alternation, which V8 runs several times
// faster than a flat list of 45 words; whether the word stands alone is checked in code.
const ANCHOR = new RegExp(
  `\\d|\\b(?:${trieAlternation([
    ...NUMBER_WORD_ALTERNATION.split('|'),
    'tens', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'trillions',
    'half a', 'half an', 'a dozen', 'a hundred', 'a thousand', 'a million', 'a billion', 'a trillion',
    'a half', 'a third', 'a quarter', 'a fifth', 'an eighth', 'once', 'twice', 'thrice',
  ])})\\b`,
  'gi',
);

/**
 * Finds the figures of an article: money ("$5bn", "€300m", "5 billion dollars"),
 * percentages ("40%", "40 per cent") and counts ("127,000 troops", "two dozen", "a million"),
 * with their value, range, currency, approximator and counted noun. Never returns years,
 * dates, day numbers of dates, times, phone numbers, URLs, version strings, ordinals,
 * numbers inside words (F-16, COVID-19, G7) or list markers. `dates` are the article's
 * time expressions; no figure overlaps one. Never throws on odd input.
 */
export function findFigures(text: string, dates: DateMention[]): FigureMention[] {
  const out: FigureMention[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const given = Array.isArray(dates) ? dates : [];
  // The dates stage returns its mentions in text order; sort only what comes otherwise.
  const sortedDates = isSortedByStart(given) ? given : [...given].sort((a, b) => a.start - b.start);
  let dateIndex = 0;
  ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANCHOR.exec(text)) !== null) {
    const at = m.index;
    const first = codeAt(text, at);
    // Number words must start a word: not after a letter, digit, apostrophe or hyphen ("F-one").
    const before = at > 0 ? text.charCodeAt(at - 1) : 0;
    const result = isDigit(first)
      ? readDigitFigure(text, at)
      : isWordChar(before) || before === 39 || before === 0x2019 || before === 45 || isLetter(codeAt(text, at + m[0].length))
        ? { resume: at + m[0].length }
        : readWordFigure(text, at, firstWord(m[0]));
    if (result.draft) {
      const d = result.draft;
      // A currency read backward may reach into the previous figure ("5 USD 6"): keep figures apart.
      const lastEnd = out.length > 0 ? out[out.length - 1].end : 0;
      if (d.start < lastEnd) d.start = Math.max(lastEnd, at);
      while (dateIndex < sortedDates.length && sortedDates[dateIndex].end <= d.start) dateIndex++;
      let overlapsDate = false;
      for (let k = dateIndex; k < sortedDates.length && sortedDates[k].start < d.end; k++) {
        if (sortedDates[k].end > d.start) {
          overlapsDate = true;
          break;
        }
      }
      if (!overlapsDate) out.push(toMention(text, d));
    }
    // Resume after what was read (or skipped), never before the anchor's own end.
    ANCHOR.lastIndex = Math.max(result.resume, at + m[0].length);
  }
  return out;
}

function isSortedByStart(dates: DateMention[]): boolean {
  for (let i = 1; i < dates.length; i++) if (dates[i].start < dates[i - 1].start) return false;
  return true;
}

/** The first word of an anchor ("half" of "half a"): up to its first space or no-break space. */
function firstWord(anchor: string): string {
  for (let i = 0; i < anchor.length; i++) {
    const c = anchor.charCodeAt(i);
    if (c === 32 || c === 0xa0) return anchor.slice(0, i);
  }
  return anchor;
}

function toMention(text: string, d: Draft): FigureMention {
  const f: FigureMention = {
    kind: 'figure',
    type: d.type,
    start: d.start,
    end: d.end,
    text: text.slice(d.start, d.end),
    // A digit string too long for a double reads as Infinity; say "unreadable" instead.
    value: d.value !== null && Number.isFinite(d.value) ? d.value : null,
    measure: d.measure,
  };
  if (d.high !== undefined && Number.isFinite(d.high)) f.high = d.high;
  if (d.unit !== undefined) f.unit = d.unit;
  if (d.counted !== undefined) f.counted = d.counted;
  if (d.approx !== undefined) f.approx = d.approx;
  return f;
}
