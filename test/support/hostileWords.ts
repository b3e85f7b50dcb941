// Words that are property names of the objects JavaScript looks words up in. A lookup of one of
// them in a plain object finds a built-in (a function, or the prototype itself) instead of
// nothing, so every table the engine reads must be safe for each of them.
const OWN = [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap((o) => Object.getOwnPropertyNames(o));
export const HOSTILE_WORDS: readonly string[] = [...new Set([...OWN, '__proto__', 'prototype', 'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'length', 'name'])]
  .filter((w) => /^[A-Za-z_]+$/.test(w))
  .sort();

/** The word in the spellings an article may use: lower case, capitalised, upper case. */
export function spellings(word: string): string[] {
  const cap = word.charAt(0).toUpperCase() + word.slice(1);
  return [...new Set([word, cap, word.toUpperCase()])];
}

/**
 * Sentences that put W in each position the engine reads a word: counted nouns and units after
 * numbers and number words, date words, names and their parts, titles, company forms,
 * datelines, headlines, demonyms, possessives.
 */
export const POSITIONS: readonly string[] = [
  '3 W', 'ten W died', 'twenty-one W', '3 W of grain', '3 million W', '$3 W', '3.5 W', '40% W', 'W 3', '3 W ago', 'last W', 'next W', 'on W',
  'in W', 'W ago', 'early W', 'mid-W', 'the W of 2020', 'W 12, 2021', '12 W 2021', 'a W of workers', 'W hundred', 'a dozen W', '3-W', '3 W-long',
  'Mr W', 'Ms W Smith', 'W Smith said', 'said W Jones', 'Smith W', 'W Inc', 'W Ltd said', 'the W Group', 'W of W', 'the W administration',
  "W's government", "W's", 'President W', 'W Minister Ana Bell', 'minister W', 'W Street', 'Lake W', 'W City', 'the W River', 'W University',
  'in W, W', '(W) -', 'W said on Monday', 'the W', 'W-based', 'W-born', 'W and W', 'W W W', 'about 3 W', 'over 3,000 W', '3 W per W',
];

/** An article of every position for one spelling of a word, with a headline and a dateline. */
export function hostileArticle(w: string): string {
  const body = POSITIONS.map((p) => p.replace(/W/g, w)).join('. ');
  return `${w} ${w} ${w} In ${w}\ndate 2021-11-10\n\n${w.toUpperCase()}, Nov 10 (${w}) - ${body}.\n${w}\n`;
}
