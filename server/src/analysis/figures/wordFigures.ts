import { readApprox } from './approximators';
import { codeOfWord, CURRENCY_AFTER } from './currencies';
import type { Draft, ReadResult } from './draft';
import { finishFigure, HYPHEN_WORD } from './finishFigure';
import { codeAt, isDigit, isLetter, MONTH, previousWord, startsSentence } from './guards';
import { readNumberWords, readScale } from './numberWords';
import { readRange } from './ranges';
import { readSuffix } from './suffixes';
import { wordTable } from '../wordTable';

/*
 * Figures written in words: "twenty-one", "a million", "half a dozen", "two-thirds of",
 * "hundreds of thousands", "several thousand", and "at least twice". The anchor is the first
 * word; a number word that is part of a name ("Air Force One"), a pronoun ("no one"), a
 * spoken year or a day of a date is refused.
 */

// "a million", "an estimated"-free forms: the article and a scale word.
const ARTICLE_SCALE = /an?[ \u00a0]+(dozen|hundred|thousand|million|billion|trillion)(?![\p{L}\p{N}])/iuy;
const HALF_SCALE = /half[ \u00a0]+an?[ \u00a0]+(dozen|million|billion|trillion)(?![\p{L}\p{N}])/iuy;
// Fractions that name a share of something ("about a quarter of", "two-thirds of").
const FRACTION =
  /(?:(an?|one)[ \u00a0-]+(half|third|quarter|fifth)|(two|three|four)-(thirds|quarters|fifths))(?=,?[ \u00a0]+of[ \u00a0])/iuy;
const FRACTION_VALUES: Record<string, number> = wordTable({ half: 0.5, third: 1 / 3, quarter: 0.25, fifth: 0.2, thirds: 1 / 3, quarters: 0.25, fifths: 0.2 });
// Vague counts: "dozens", "hundreds of thousands", "tens of millions".
const VAGUE = /(tens|dozens|hundreds|thousands|millions|billions|trillions)(?:[ \u00a0]+of[ \u00a0]+(thousands|millions|billions))?(?![\p{L}\p{N}])/iuy;
const UNIT_WORD_START =
  /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/i;
const VAGUE_BEFORE = /(?:several|a few|few|many|some)[ \u00a0]+$/i;
const OF_WORD = /[ \u00a0]+of(?=[ \u00a0])/y;
// "at least once", "more than twice": a count of occasions, only with an approximator.
const TIMES_WORD = /(once|twice|thrice)(?![\p{L}\p{N}])/iuy;
// Years spoken in words: "nineteen ninety-seven", "twenty twenty-two".
const SPOKEN_YEAR = /(?:nineteen|eighteen|twenty)[ \u00a0]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|oh[ \u00a0-]\p{L}+|hundred)(?![\p{L}-])/iuy;

/** A number read in words, before the checks: its value (null when vague) and its span. */
interface WordNumber {
  value: number | null;
  start: number;
  end: number;
  /** "dozens", "several thousand": a count without a value. */
  vague: boolean;
  /** "a quarter of", "two-thirds of". */
  fraction: boolean;
}

/** Reads the figure whose first word, `anchor`, starts at `at`. */
export function readWordFigure(text: string, at: number, anchor: string): ReadResult {
  const resume = at + anchor.length;
  const none: ReadResult = { resume };
  const lower = anchor.toLowerCase();
  // No fraction starts with these words, so they need not wait for FRACTION.
  if (lower === 'once' || lower === 'twice' || lower === 'thrice') return readTimes(text, at, lower, none);
  const n = readWordNumber(text, at, anchor, lower);
  if (!n) return none;
  const prev = previousWord(text, at);
  const refused = refuseWordNumber(text, at, anchor, lower, n, prev, none);
  if (refused) return refused;
  const value = n.value;
  let p = n.end;
  const draft: Draft = { start: n.start, end: p, type: 'QUANTITY', value, measure: 'number' };
  draft.approx = n.start === at ? readApprox(text, at, prev) : undefined;
  if (!n.vague && value !== null) p = readRange(text, draft, p, undefined);
  const suffixed = readSuffix(text, draft, p);
  p = suffixed.end;
  if (isLetter(codeAt(text, p)) || isDigit(codeAt(text, p))) return none;
  if (n.vague && draft.type === 'QUANTITY') p = readMoneyAfterOf(text, draft, p);
  const end = finishFigure(text, draft, p, suffixed.unit, prev, value === 1 && !draft.high);
  if (end < 0) return { resume: Math.max(resume, p) };
  return { draft, resume: draft.end };
}

/** "at least once", "more than twice": a count of occasions, kept only with an approximator. */
function readTimes(text: string, at: number, lower: string, none: ReadResult): ReadResult {
  const approx = readApprox(text, at, previousWord(text, at));
  if (!approx || approx === 'some' || approx === 'over' || approx === 'about') return none;
  TIMES_WORD.lastIndex = at;
  if (!TIMES_WORD.test(text)) return none;
  return {
    draft: { start: at, end: TIMES_WORD.lastIndex, type: 'QUANTITY', value: lower === 'once' ? 1 : lower === 'twice' ? 2 : 3, approx, measure: 'times' },
    resume: TIMES_WORD.lastIndex,
  };
}

/** Reads the number: a fraction, "a million", "half a dozen", a vague count, or number words. */
function readWordNumber(text: string, at: number, anchor: string, lower: string): WordNumber | null {
  FRACTION.lastIndex = at;
  const fm = FRACTION.exec(text);
  if (fm) {
    const value = fm[2] ? FRACTION_VALUES[fm[2].toLowerCase()] : (fm[3].toLowerCase() === 'two' ? 2 : fm[3].toLowerCase() === 'three' ? 3 : 4) * FRACTION_VALUES[fm[4].toLowerCase()];
    return { value, start: at, end: FRACTION.lastIndex, vague: false, fraction: true };
  }
  if (lower === 'a' || lower === 'an') {
    ARTICLE_SCALE.lastIndex = at;
    const am = ARTICLE_SCALE.exec(text);
    if (!am) return null;
    let value = readScaleWord(am[1]);
    let p = ARTICLE_SCALE.lastIndex;
    // "a million" may run on: "a hundred thousand".
    const more = readScale(text, p, false);
    if (more && more.factor >= 1000) {
      value *= more.factor;
      p = more.end;
    }
    return { value, start: at, end: p, vague: false, fraction: false };
  }
  if (lower === 'half') {
    HALF_SCALE.lastIndex = at;
    const hm = HALF_SCALE.exec(text);
    if (!hm) return null;
    return { value: readScaleWord(hm[1]) / 2, start: at, end: HALF_SCALE.lastIndex, vague: false, fraction: false };
  }
  VAGUE.lastIndex = at;
  const vm = VAGUE.exec(text);
  if (vm) return { value: null, start: at, end: VAGUE.lastIndex, vague: true, fraction: false };
  return readCountWords(text, at, anchor);
}

/** Number words ("twenty-one", "two million"), or a vague count with a scale ("several thousand"). */
function readCountWords(text: string, at: number, anchor: string): WordNumber | null {
  const w = readNumberWords(text, at);
  if (!w) return null;
  // "several thousand", "a few hundred", "many millions": a vague count with a scale.
  const vb = /^(?:hundred|thousand|million|billion)$/i.test(anchor) ? VAGUE_BEFORE.exec(text.slice(Math.max(0, at - 10), at)) : null;
  // The vague word is part of the number, so the span starts there.
  if (vb) return { value: null, start: at - vb[0].length, end: w.end, vague: true, fraction: false };
  // Otherwise a written number must start with a unit word: "hundred people" alone is odd.
  if (!UNIT_WORD_START.test(anchor)) return null;
  let value = w.value;
  let p = w.end;
  const scale = readScale(text, p, false);
  if (scale) {
    value *= scale.factor;
    p = scale.end;
  }
  return { value, start: at, end: p, vague: false, fraction: false };
}

/**
 * Refuses a number word that is no figure: glued to a word ("one-off"), a spoken year, a day
 * of a date, the pronoun "one", or part of a name. Returns where scanning resumes, or undefined.
 */
function refuseWordNumber(
  text: string,
  at: number,
  anchor: string,
  lower: string,
  n: WordNumber,
  prev: { word: string; start: number },
  none: ReadResult,
): ReadResult | undefined {
  const p = n.end;
  // Words glued to a number word ("one-off", "two-way", "three-year") are adjectives or durations.
  if (codeAt(text, p) === 45 && !n.vague && !n.fraction) {
    HYPHEN_WORD.lastIndex = p;
    const hm = HYPHEN_WORD.exec(text);
    if (hm && !/^(?:years?-old|plus)$/i.test(hm[1])) return { resume: HYPHEN_WORD.lastIndex };
  }
  const prevLower = prev.word.toLowerCase();
  SPOKEN_YEAR.lastIndex = at;
  if (SPOKEN_YEAR.test(text)) return { resume: SPOKEN_YEAR.lastIndex };
  // "January nineteen": a day written in words.
  const value = n.value;
  if (MONTH.test(prev.word) && value !== null && value >= 1 && value <= 31) return none;
  if (lower === 'one' && !n.fraction) {
    // "no one", "the one", "one another", "one of the", "one day", "one-on-one".
    if (/^(?:no|any|every|some|each|the|this|that|which|another|only|last|such|little|big|new|right|wrong)$/.test(prevLower)) return none;
    if (/^[ \u00a0]+(?:of|another|or|and|by|who|which|that|thing|way|point|time|hand|side|day|more|less|too|such)\b/i.test(text.slice(p, p + 10))) return none;
    if (codeAt(text, p) === 45) return none;
  }
  // "Air Force One", "Formula One", "Channel Four": a capitalised number word inside a name.
  if (/^\p{Lu}/u.test(anchor) && /^\p{Lu}/u.test(prev.word) && !startsSentence(text, prev.start) && !startsSentence(text, at) && prev.start + prev.word.length >= at - 1) return none;
  return undefined;
}

/** "billions of dollars" is money: reads the currency after "of"; returns where the figure now ends. */
function readMoneyAfterOf(text: string, draft: Draft, p: number): number {
  OF_WORD.lastIndex = p;
  if (!OF_WORD.test(text)) return p;
  CURRENCY_AFTER.lastIndex = OF_WORD.lastIndex;
  const cm = CURRENCY_AFTER.exec(text);
  if (!cm) return p;
  draft.type = 'MONEY';
  draft.unit = codeOfWord(cm[1], cm[2]);
  draft.end = CURRENCY_AFTER.lastIndex;
  return draft.end;
}

function readScaleWord(word: string): number {
  switch (word.toLowerCase()) {
    case 'dozen':
      return 12;
    case 'hundred':
      return 100;
    case 'thousand':
      return 1e3;
    case 'million':
      return 1e6;
    case 'billion':
      return 1e9;
    default:
      return 1e12;
  }
}
