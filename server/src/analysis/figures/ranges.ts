import { DIGITS } from './digits';
import type { Draft } from './draft';
import { codeAt, isDigit, isLetter } from './guards';
import { readNumberWords, readScale } from './numberWords';

const RANGE_DASH = /[ \u00a0]?[-–—][ \u00a0]?/y;
const RANGE_TO = /[ \u00a0]+to[ \u00a0]+/y;
const RANGE_AND = /[ \u00a0]+and[ \u00a0]+/y;

/**
 * Reads the upper end of a range after the first number: "15-20", "20 to 25", "$5-6 billion",
 * "$5-$6bn", and "between 10 and 15". A second number lower than the first ("52-35", a vote or
 * a score) is kept in the span but gives no `high`. Returns where the figure now ends.
 */
export function readRange(text: string, draft: Draft, p: number, firstScale: number | undefined): number {
  // Quick test: a range needs a dash, "to" or "and" right after the number or one space.
  let c = codeAt(text, p);
  if (c === 32 || c === 0xa0) c = codeAt(text, p + 1);
  if (c !== 45 && c !== 0x2013 && c !== 0x2014 && c !== 116 && c !== 97) return p;
  const joins: RegExp[] = draft.approx === 'between' ? [RANGE_AND] : [RANGE_DASH, RANGE_TO];
  for (const join of joins) {
    join.lastIndex = p;
    const jm = join.exec(text);
    if (!jm) continue;
    // "from 5 to 10" is a change, not a range.
    if (join === RANGE_TO && /from[ \u00a0]+$/i.test(text.slice(Math.max(0, draft.start - 6), draft.start))) continue;
    let q = join.lastIndex;
    // A repeated currency sign ("$5-$6bn").
    if (draft.type === 'MONEY' && (codeAt(text, q) === 36 || codeAt(text, q) === 0x20ac || codeAt(text, q) === 0xa3)) q++;
    let second: number;
    let end: number;
    if (isDigit(codeAt(text, q))) {
      DIGITS.lastIndex = q;
      const dm = DIGITS.exec(text);
      if (!dm) continue;
      // A leading zero or a four-digit year after a dash is a code or a season ("2005-06").
      if (dm[1].length > 1 && dm[1].charCodeAt(0) === 48 && !dm[2]) continue;
      end = q + dm[0].length;
      const n = codeAt(text, end);
      if ((n === 46 || n === 58 || n === 47 || n === 44) && isDigit(codeAt(text, end + 1))) continue;
      second = Number(dm[1].replace(/,/g, '') + (dm[2] ?? ''));
    } else {
      const w = readNumberWords(text, q);
      if (!w) continue;
      second = w.value;
      end = w.end;
    }
    const scale = readScale(text, end, draft.type === 'MONEY');
    if (scale) {
      second *= scale.factor;
      end = scale.end;
      // "$5-6 billion": the scale written once applies to both ends.
      if (firstScale === undefined && draft.value !== null) draft.value *= scale.factor;
    } else if (firstScale !== undefined) {
      second *= firstScale;
    }
    if (isLetter(codeAt(text, end)) || isDigit(codeAt(text, end))) continue;
    if (draft.value !== null && second > draft.value) draft.high = second;
    else if (join !== RANGE_DASH) continue; // "10 to 5" is no range; "52-35" is a score, kept whole.
    draft.end = end;
    return end;
  }
  return p;
}
