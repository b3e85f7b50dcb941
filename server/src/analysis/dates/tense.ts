/**
 * A cheap tense guess for the sentence around a time expression, used to pick the direction
 * of "Friday" or "March" said without a year. The verb cue nearest to the expression wins:
 * "said on Tuesday that Iraq would retaliate" is past (said is nearer), "will meet Bush on
 * Thursday" is future. News reports the past, so with no cue the answer is past.
 */

const SENTENCE_END = /[.!?\n]/;
// Future first: "expected to" and "scheduled" end in -ed but point ahead.
const CUE =
  /\b(?<future>will|wo\s*n't|won't|shall|'ll|going\s+to|is\s+to|are\s+to|scheduled|expected\s+to|plans?\s+to|planning\s+to|planned\s+(?:for|to)|intends?\s+to|due\s+to|set\s+to|upcoming|next|as\s+(?:early|soon)\s+as|would|deadline|tomorrow)\b|\b(?<past>[a-z]{2,}ed|said|says|was|were|had|did|met|told|went|came|began|made|took|gave|held|left|saw|got|won|lost|fell|rose|led|sent|spent|paid|sold|bought|brought|thought|found|kept|ran|struck|hit|shot|ago|last|yesterday|earlier|since|knew|became|wrote|spoke|broke|chose|drove|flew|grew|threw|stood|sat|fought|caught|taught|sought|heard|meant|felt|built|lent|quit|read|split|cut|put|let|bid)\b/gi;

/** The tense read around an expression, and how far (in characters) the deciding cue was. */
export interface Tense {
  future: boolean;
  /** Distance to the cue; Infinity when the sentence had none. */
  distance: number;
}

/** True when the sentence around [start, end) speaks of the future. */
export function isFutureSentence(text: string, start: number, end: number): boolean {
  return tenseAround(text, start, end).future;
}

/** The tense of the sentence around [start, end), from the nearest verb cue. */
export function tenseAround(text: string, start: number, end: number): Tense {
  let s = start;
  const minS = Math.max(0, start - 250);
  while (s > minS && !SENTENCE_END.test(text[s - 1])) s--;
  let e = end;
  const maxE = Math.min(text.length, end + 120);
  while (e < maxE && !SENTENCE_END.test(text[e])) e++;
  // "Wednesday's ruling" names something that has happened.
  if (text.startsWith("'s", end) || text.startsWith('\u2019s', end)) return { future: false, distance: 0 };
  const sentence = text.slice(s, e);
  CUE.lastIndex = 0;
  let best = Infinity;
  let future = false;
  let m: RegExpExecArray | null;
  while ((m = CUE.exec(sentence)) !== null) {
    const at = s + m.index;
    if (at >= start && at < end) continue;
    // Capitalised "-ed" words are names ("United States", "Ted"), not verbs.
    if (m.groups!.past !== undefined && m[0][0] >= 'A' && m[0][0] <= 'Z' && m[0].endsWith('ed')) continue;
    // Cues before the expression govern it more often than cues after it.
    const distance = at < start ? start - (at + m[0].length) : (at - end) * 1.5;
    if (distance < best) {
      best = distance;
      future = m.groups!.future !== undefined;
    }
  }
  return { future, distance: best };
}
