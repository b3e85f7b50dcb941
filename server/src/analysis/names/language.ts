/**
 * Is an article English? The names stage reads English: capitals, titles, company suffixes and
 * the tagger's training all assume it. On another language it would invent entities (every
 * German noun is capitalised; a Cyrillic word is not a company), so it finds nothing there, and
 * in an English article a name written in another script is left out: it cannot be typed reliably.
 */
import { Kind, hashLower, type Tokens } from '../tagger/tokenize';

/** Frequent English function words: a few of them in every English sentence. */
const ENGLISH = new Set(
  ('the of and to in a is that for on was with he it as at by from his be are were has have had said but not this ' +
    'they which or an will its who their been would after also more than about over into when her she there we can ' +
    'i you all one new up out if what so could our my them him some no only other these while').split(' '),
);

/**
 * Frequent function words of other languages written in Latin letters (German, French, Spanish,
 * Italian, Portuguese, Dutch, the Scandinavian languages), minus those English shares.
 */
const FOREIGN = new Set(
  ('der die und nicht ist das ein eine zu den von mit sich des auf für dem im auch werden wird sind ' +
    'le la les et est une dans pour pas qui que sur au du aux ces sont avec mais nous vous ils elle ' +
    'el los las y en del por con una para es se lo como más pero sus le su al ' +
    'il di che è per non sono della dei gli nel alla anche ' +
    'os não uma com do da em ao pelo pela seu sua são ' +
    'het een van niet op te zijn wordt ook naar bij voor ' +
    'och att det som är för inte med av till den ett ikke og er til på af').split(' '),
);

const ENGLISH_HASHES = new Set([...ENGLISH].map(hashLower));
const FOREIGN_HASHES = new Set([...FOREIGN].filter((w) => !ENGLISH.has(w)).map(hashLower));

/** Longer words are none of the function words: no lookup for them. */
const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH, ...FOREIGN].map((w) => w.length));

/** How many words of the text to look at: enough to judge, cheap on long texts. */
const SAMPLE = 150;

/**
 * True unless the text reads as another language: most of its words in another script, or more
 * function words of another language than of English (at least one word in ten). Tables, lists
 * and headlines with few function words of any language count as English.
 */
export function looksEnglish(tokens: Tokens): boolean {
  let words = 0;
  let english = 0;
  let foreign = 0;
  let latin = 0;
  let other = 0;
  const { text, start, kind, hash } = tokens;
  for (let i = 0; i < tokens.count && words < SAMPLE; i++) {
    if (kind[i] === Kind.Punct || kind[i] === Kind.Number) continue;
    words++;
    if (tokens.end[i] - start[i] <= LONGEST_FUNCTION_WORD) {
      if (ENGLISH_HASHES.has(hash[i])) english++;
      else if (FOREIGN_HASHES.has(hash[i])) foreign++;
    }
    const c = text.charCodeAt(start[i]);
    if (c < 0x250) latin++;
    else other++;
  }
  if (other > latin) return false;
  return !(foreign > english && foreign * 10 >= words);
}

const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
const LETTER = /\p{L}/u;

/** True when a name is written in a script other than Latin (Cyrillic, Greek, Arabic, CJK...). */
export function isForeignScript(name: string): boolean {
  for (const ch of name) {
    if (LATIN_LETTER.test(ch)) return false;
    if (LETTER.test(ch)) return true;
  }
  return false;
}
