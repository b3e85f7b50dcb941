import { wordTable } from '../wordTable';
/**
 * Numbers written in words ("twenty-five", "three hundred and twenty", "two dozen",
 * "half a million", "hundreds of thousands"). Each reader is a sticky regex run at a given
 * offset, so scanning never allocates per character.
 */

/** Values of the single number words. */
const UNITS: Record<string, number> = wordTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

/** Multipliers that scale what came before ("two hundred", "1.5 million"). */
export const SCALES: Record<string, number> = wordTable({
  dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  // South Asian scales, common in Indian and Pakistani news ("Rs 500 crore").
  lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});

const UNIT_WORDS = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|');
const SCALE_WORDS = Object.keys(SCALES).join('|');

/** Alternation of every word that can start a number written in words. */
export const NUMBER_WORD_ALTERNATION = `${UNIT_WORDS}|${SCALE_WORDS}`;

// One word of a written number, optionally joined to the next by a hyphen ("twenty-five").
const WORD = new RegExp(`(${UNIT_WORDS}|${SCALE_WORDS})(?![\\p{L}\\p{N}])`, 'iuy');
// What may separate two words of one written number: a space, a hyphen, or "and" after a scale.
const JOINER = /(?:[ \u00a0]+and[ \u00a0]+|[ \u00a0]+|-)/y;

/** A number read from text: its value and where it ends. */
export interface ReadNumber {
  value: number;
  end: number;
}

/**
 * Reads a number written in words starting exactly at `pos` ("two", "twenty-five",
 * "three hundred and twenty", "two dozen", "one million"). Returns undefined when no number
 * word starts there. "and" is only taken after a scale word ("hundred and five"), so
 * "two and three" stays two numbers.
 */
export function readNumberWords(text: string, pos: number): ReadNumber | undefined {
  let total = 0;
  let current = 0;
  let end = -1;
  let words = 0;
  let lastWasScale = false;
  let lastUnit = -1;
  let p = pos;
  for (;;) {
    WORD.lastIndex = p;
    const m = WORD.exec(text);
    if (!m) break;
    const word = m[1].toLowerCase();
    const unit = UNITS[word];
    if (unit !== undefined) {
      // "twenty five" joins, "five six" does not: a unit may only follow a tens word or a scale.
      if (words > 0 && !lastWasScale && !(lastUnit >= 20 && lastUnit % 10 === 0 && unit < 10 && unit > 0)) break;
      current += unit;
      lastUnit = unit;
      lastWasScale = false;
    } else {
      const scale = SCALES[word];
      if (words === 0) current = 1; // "hundred" / "dozen" alone read as one of it; callers decide.
      if (current === 0) current = 1;
      if (scale >= 1000) {
        total += current * scale;
        current = 0;
      } else {
        current *= scale;
      }
      lastWasScale = true;
      lastUnit = -1;
    }
    words++;
    end = m.index + m[0].length;
    JOINER.lastIndex = end;
    const j = JOINER.exec(text);
    if (!j) break;
    // "and" only continues a number after a scale word.
    if (/and/i.test(j[0]) && !lastWasScale) break;
    p = j.index + j[0].length;
  }
  if (end < 0) return undefined;
  return { value: total + current, end };
}

/** Reads a scale word ("million", "bn") at `pos`, allowing one leading space. */
// One space, or a hyphen as in "a $1.5-trillion plan", may stand before the scale word.
const SCALE_AFTER = new RegExp(`([ \\u00a0-]?)(${SCALE_WORDS}|bn|mn|tn|trn)(?![\\p{L}\\p{N}])`, 'iuy');
/** Short scale abbreviations that must touch the number ("$5m", "€300k"). */
const SCALE_ATTACHED = /(m|k|b)(?![\p{L}\p{N}])/iuy;

const ABBREVIATED: Record<string, number> = wordTable({ bn: 1e9, mn: 1e6, tn: 1e12, trn: 1e12, m: 1e6, k: 1e3, b: 1e9 });

/**
 * Reads a multiplier after a number: "million", " billion", "bn", and, only when `money` is
 * true and the letters touch the number, "m", "k" or "b" ("$5m"). Without money "5m" is
 * five metres, so it is left to the unit reader.
 */
export function readScale(text: string, pos: number, money: boolean): { factor: number; end: number } | undefined {
  SCALE_AFTER.lastIndex = pos;
  const m = SCALE_AFTER.exec(text);
  if (m) {
    const word = m[2].toLowerCase();
    // "dozen" and "hundred" are scales too: "two hundred", "1.5 dozen" is odd but harmless.
    const factor = SCALES[word] ?? ABBREVIATED[word];
    if (factor !== undefined) return { factor, end: m.index + m[0].length };
  }
  if (money) {
    SCALE_ATTACHED.lastIndex = pos;
    const a = SCALE_ATTACHED.exec(text);
    if (a) return { factor: ABBREVIATED[a[1].toLowerCase()], end: a.index + a[0].length };
  }
  return undefined;
}
