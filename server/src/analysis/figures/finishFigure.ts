import { isPluralLooking, isUncountable, readCounted, TIME_NOUNS } from './countedNoun';
import type { Draft } from './draft';
import { codeAt, MONTH, previousWord, startsSentence } from './guards';

/*
 * The last step of every figure: what it measures, and whether it is a figure at all. In
 * order: money, percentages and units say it themselves; then hyphenated compounds, ages
 * and durations (left to the dates stage); then the counted noun, labels and names.
 */

const OF_DETERMINERS = /[ \u00a0]+of((?:[ \u00a0]+(?:the|its|their|his|her|all|this|that|these|those|our|your|my|total|a|an))*)(?=[ \u00a0])/iy;
/** A word glued to a number by a hyphen: "55-year-old", "15-member", "18-fold", "one-off". */
export const HYPHEN_WORD = /-(\p{L}+(?:-\p{L}+){0,2})(?![\p{L}\p{N}])/uy;
// Words before a number that make it a label, not a count ("Article 5", "Flight 370", "No. 1").
const LABELS = new Set(
  ('article section chapter resolution page paragraph clause room flight route highway interstate no no. nos. number ' +
    'version v level phase grade category size channel episode season stage step round gate platform line bus lane exit ' +
    'ward district precinct block lot item figure table rule amendment title part volume vol vol. issue tier class row ' +
    'seat terminal apartment apt apt. suite floor pier zone sector unit camp base battalion brigade division corps ' +
    'squadron regiment fleet model series game match week day year term code type mark mk mk. ' +
    'ages aged age top pp p p. id ' +
    // Plural labels list several numbers ("posts 542 and 543", "Resolutions 2254 and 2118").
    'articles sections chapters resolutions pages paragraphs rooms flights routes highways posts lines gates ' +
    'platforms exits items figures tables rules amendments versions levels phases stages rounds games matches').split(' '),
);

/** Time-unit words right after a count make it a duration ("two days"), which the dates stage owns. */
const TIME_NEXT = /(?:[ \u00a0]+(?:more|additional|further|extra|full|straight|consecutive|long|short|successive|previous|past|last|next|remaining|coming))?[ \u00a0-]+(\p{L}+)/uy;


/** The word right before a number, and where it starts. */
interface PreviousWord {
  word: string;
  start: number;
}

/**
 * Decides what a figure measures and whether it is one at all: ages ("Papermaster, 49,",
 * "aged 55", "a 55-year-old"), hyphenated counts ("a 15-member team"), durations (left to
 * the dates stage), labels ("Article 5", "iOS 4"), then the counted noun. Returns the figure's
 * end, or -1 to drop it.
 */
export function finishFigure(text: string, draft: Draft, p: number, unit: string | undefined, prev: PreviousWord, one: boolean): number {
  const measured = finishMeasured(text, draft, p, unit);
  if (measured !== undefined) return measured;
  const hyphenated = finishHyphenated(text, draft, p);
  if (hyphenated !== undefined) return hyphenated;
  const prevLower = prev.word.toLowerCase();
  const timed = finishAgeOrDuration(text, draft, prevLower);
  if (timed !== undefined) return timed;
  return finishCounted(text, draft, prev, prevLower, one);
}

/** Money, percentages and units of measure name their measure; undefined for a plain count. */
function finishMeasured(text: string, draft: Draft, p: number, unit: string | undefined): number | undefined {
  if (draft.type === 'MONEY') {
    draft.measure = `money:${draft.unit ?? 'USD'}`;
    return draft.end;
  }
  if (draft.type === 'PERCENT') {
    OF_DETERMINERS.lastIndex = p;
    if (OF_DETERMINERS.exec(text)) {
      const c = readCounted(text, OF_DETERMINERS.lastIndex, false);
      if (c && draft.measure === 'percent') draft.measure = `percent:${c.counted}`;
    }
    return draft.end;
  }
  if (unit) {
    draft.measure = unit;
    return draft.end;
  }
  return undefined;
}

/**
 * Hyphenated: "55-year-old", "60-plus", "10-day" (a duration), "15-member". Returns the end,
 * -1 to drop the figure, or undefined when reading goes on (none, or "-plus", "-strong", "-odd").
 */
function finishHyphenated(text: string, draft: Draft, p: number): number | undefined {
  HYPHEN_WORD.lastIndex = p;
  const hm = codeAt(text, p) === 45 ? HYPHEN_WORD.exec(text) : null;
  if (!hm) return undefined;
  const word = hm[1].toLowerCase();
  if (/^years?-old$/.test(word)) {
    draft.end = HYPHEN_WORD.lastIndex;
    draft.measure = 'age';
    return draft.end;
  }
  if (word === 'fold') {
    draft.end = HYPHEN_WORD.lastIndex;
    draft.measure = 'times';
    return draft.end;
  }
  if (word === 'plus') {
    draft.end = HYPHEN_WORD.lastIndex;
    draft.approx ??= 'more than';
    return undefined;
  }
  if (word === 'strong' || word === 'odd') {
    // "a 1,000-strong force", "40-odd boats": the noun comes after the compound.
    draft.end = HYPHEN_WORD.lastIndex;
    if (word === 'odd') draft.approx ??= 'about';
    return undefined;
  }
  const head = word.split('-')[0];
  if (TIME_NOUNS.has(head)) return -1;
  draft.counted = head;
  draft.measure = pluralizeMeasure(head);
  return draft.end;
}

/** Ages ("aged 55", "55 years old", "Barra, 51,") end here; other counts of time units are dropped (-1). */
function finishAgeOrDuration(text: string, draft: Draft, prevLower: string): number | undefined {
  // Ages: "aged 55", "age of 56", "Barra, 51, will ...".
  if (prevLower === 'aged' || (prevLower === 'of' && /\bages?[ \u00a0]+of[ \u00a0]*$/i.test(text.slice(Math.max(0, draft.start - 10), draft.start)))) {
    draft.measure = 'age';
    return draft.end;
  }
  TIME_NEXT.lastIndex = draft.end;
  const tn = TIME_NEXT.exec(text);
  if (tn) {
    const w = tn[1].toLowerCase();
    if (TIME_NOUNS.has(w)) {
      // "55 years old" is an age; any other count of time units is a duration.
      if ((w === 'years' || w === 'year') && /^[ \u00a0]+old\b/.test(text.slice(TIME_NEXT.lastIndex, TIME_NEXT.lastIndex + 6))) {
        draft.measure = 'age';
        return draft.end;
      }
      return -1;
    }
  }
  if (isAgeApposition(text, draft.start, draft.end)) {
    draft.measure = 'age';
    return draft.end;
  }
  return undefined;
}

/** The counted noun ("127,000 troops"), then labels ("Article 5") and names with a number ("iOS 4"), which are dropped (-1). */
function finishCounted(text: string, draft: Draft, prev: PreviousWord, prevLower: string, one: boolean): number {
  // Vague counts and fractions take their noun after "of": "thousands of workers".
  let nounFrom = draft.end;
  if (draft.value === null || (draft.value !== null && draft.value < 1 && draft.value > 0)) {
    OF_DETERMINERS.lastIndex = draft.end;
    if (OF_DETERMINERS.exec(text)) nounFrom = OF_DETERMINERS.lastIndex;
  }
  const counted = readCounted(text, nounFrom, one);
  // A capitalised singular head is a name, not a counted noun ("Tunisia 1 – 2 England"); after a
  // vague count with no "of", a singular word is the verb it is the subject of ("Thousands march").
  const vagueSubject = draft.value === null && nounFrom === draft.end && !!counted && !isPluralLooking(counted.counted) && !isUncountable(counted.counted);
  const countedOk =
    counted && !vagueSubject && !/(?:ed|ing)$/.test(counted.counted) && !(counted.proper && !isPluralLooking(counted.counted));
  if (countedOk && counted.counted === 'fold') {
    draft.measure = 'times';
    return draft.end;
  }
  // A lone "one" that counts nothing is a pronoun ("the current one", "a commercial one").
  if (one && !countedOk && draft.high === undefined && /^one$/i.test(text.slice(draft.start, draft.end))) return -1;
  if (countedOk) {
    if (TIME_NOUNS.has(counted.counted)) return -1;
    draft.counted = counted.counted;
    draft.measure = counted.measure;
  }
  // Labels: "Article 5", "Flight 370", "No. 1".
  const adjacent = prev.word !== '' && draft.start - (prev.start + prev.word.length) <= 2;
  if (adjacent && LABELS.has(prevLower)) return -1;
  // A capitalised word right before a number makes a name with a number ("iOS 4", "Safari 4.0",
  // "Boeing 737"), unless the number counts a plural noun ("Apollo 11 astronauts" is rare, "Only
  // ten Republicans" starts a sentence).
  // A product-like word ("iPhone 4", "iOS 4") or an acronym ("CTF 50") names a thing with a number;
  // a word that ends the previous sentence ("... Tanzanians. 12 died") does not.
  const named = adjacent && !startsSentence(text, draft.start);
  if (named && !draft.approx && (/^\p{Ll}+\p{Lu}/u.test(prev.word) || (/^\p{Lu}{2,}$/u.test(prev.word) && !countedOk))) {
    if (!/^(?:US|UK|EU|UN)$/.test(prev.word)) return -1;
  }
  if (named && /\p{Lu}/u.test(prev.word) && !startsSentence(text, prev.start) && !MONTH.test(prev.word) && !draft.approx) {
    if (!/^(?:US|U\.S\.|UK|EU|UN)$/.test(prev.word) && !(countedOk && isPluralLooking(counted!.counted))) return -1;
  }
  return draft.end;
}

function pluralizeMeasure(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word + 'es';
  return word + 's';
}

/** "Mary Barra, 51, will lead": a number set off by commas right after a capitalised name. */
function isAgeApposition(text: string, start: number, end: number): boolean {
  if (start < 2 || codeAt(text, start - 1) !== 32 || codeAt(text, start - 2) !== 44) return false;
  if (codeAt(text, end) !== 44) return false;
  const name = previousWord(text, start - 2);
  if (!/^\p{Lu}\p{Ll}/u.test(name.word)) return false;
  return true;
}
