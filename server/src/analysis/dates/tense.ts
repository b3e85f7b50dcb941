/**
 * A cheap tense guess for the sentence around a time expression, used to pick the direction
 * of "Friday" or "March" said without a year. The verb cue nearest before the expression wins
 * (one after it only when none comes before):
 * "said on Tuesday that Iraq would retaliate" is past (said is nearer), "will meet Bush on
 * Thursday" is future. News reports the past, so with no cue the answer is past.
 */

// Future first: "expected to" and "scheduled" end in -ed but point ahead.
const CUE =
  /\b(?<perfect>had\s+been\s+(?:scheduled|due|set|expected|planned))\b|\b(?<passive>(?:be|been|being)\s+(?:[a-z]{2,}ed|held|made|sold|paid|built|set|put|cut|sent|kept|given|taken|seen|done|shown|known|told|found|brought|bought|won|lost|hit|shot|struck|led|read|spent|split|let|chosen|written|spoken|broken|grown|thrown|driven|flown))\b|\b(?<future>will|may|might|wo\s*n't|won't|shall|'ll|going\s+to|is\s+to|are\s+to|scheduled|expected|plans?\s+to|planning\s+to|planned\s+(?:for|to)|intends?\s+to|due\s+to|set\s+to|upcoming|next|as\s+(?:early|soon)\s+as|would|deadline|tomorrow)\b|\b(?<past>[a-z]{2,}ed|said|says|was|were|had|did|met|told|went|came|began|made|took|gave|held|left|saw|got|won|lost|fell|rose|led|sent|spent|paid|sold|bought|brought|thought|found|kept|ran|struck|hit|shot|ago|last|yesterday|earlier|since|knew|became|wrote|spoke|broke|chose|drove|flew|grew|threw|stood|sat|fought|caught|taught|sought|heard|meant|felt|built|lent|quit|read|split|cut|put|let|bid)\b/gi;

// Added to the distance of a cue that follows the expression, so any cue before it wins.
const AFTER_PENALTY = 10_000;

// How far a sentence is looked at around the expression.
const BACK = 250;
const AHEAD = 120;

/** The tense read around an expression, and how far (in characters) the deciding cue was. */
export interface Tense {
  future: boolean;
  /** Distance to the cue; Infinity when the sentence had none. */
  distance: number;
}

function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 10; // . ! ? \n
}

/**
 * Tense cues of one text, found once and in order as callers move forward through it, so that
 * each time expression costs a few comparisons rather than a regex run over its sentence.
 */
export class TenseIndex {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly future: boolean[] = [];
  private scannedTo = 0;
  private first = 0;
  private endsScannedTo = 0;
  private lastSentenceEnd = -1;

  constructor(private readonly text: string) {}

  /** The tense of the sentence around [start, end), from the nearest verb cue. */
  tenseAround(start: number, end: number): Tense {
    const text = this.text;
    // "Wednesday's ruling" names something that has happened.
    if (text.startsWith("'s", end) || text.startsWith('\u2019s', end)) return { future: false, distance: 0 };
    const s = this.sentenceStart(start);
    let e = end;
    const maxE = Math.min(text.length, end + AHEAD);
    while (e < maxE && !isSentenceEnd(text.charCodeAt(e))) e++;
    // Text between sentences that hold dates is never scanned.
    if (this.scannedTo < s) this.scannedTo = s;
    this.scanTo(e);
    // Callers move forward, so cues that end before this sentence will never be needed again.
    while (this.first < this.starts.length && this.ends[this.first] <= s - BACK) this.first++;
    let best = Infinity;
    let future = false;
    for (let i = this.first; i < this.starts.length; i++) {
      const at = this.starts[i];
      if (at >= e) break;
      if (at < s || this.ends[i] > e || (at >= start && at < end)) continue;
      // A cue before the expression governs it; one after counts only when none comes before.
      const distance = at < start ? start - this.ends[i] : AFTER_PENALTY + (at - end);
      if (distance < best) {
        best = distance;
        future = this.future[i];
      }
    }
    return { future, distance: best };
  }

  /**
   * Where the sentence holding `start` begins (at most BACK characters back). Callers move
   * forward, so the text is searched for sentence ends once, not once per expression.
   */
  private sentenceStart(start: number): number {
    const min = Math.max(0, start - BACK);
    if (start < this.endsScannedTo) {
      let s = start;
      while (s > min && !isSentenceEnd(this.text.charCodeAt(s - 1))) s--;
      return s;
    }
    for (let i = Math.max(this.endsScannedTo, min); i < start; i++) {
      if (isSentenceEnd(this.text.charCodeAt(i))) this.lastSentenceEnd = i;
    }
    this.endsScannedTo = start;
    return Math.max(min, this.lastSentenceEnd + 1);
  }

  private scanTo(limit: number): void {
    if (this.scannedTo >= limit) return;
    // A cue found beyond the limit is found again by the next scan.
    const to = limit;
    CUE.lastIndex = this.scannedTo;
    let m: RegExpExecArray | null;
    while ((m = CUE.exec(this.text)) !== null) {
      if (m.index >= to) {
        this.scannedTo = m.index;
        return;
      }
      // A passive participle ("will be signed", "has been delayed") says nothing by itself.
      if (m.groups!.passive !== undefined) continue;
      const isPast = m.groups!.past !== undefined || m.groups!.perfect !== undefined;
      // Capitalised "-ed" words are names ("United States", "Ted"), not verbs.
      if (isPast && m[0].endsWith('ed') && m[0].charCodeAt(0) >= 65 && m[0].charCodeAt(0) <= 90) continue;
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
      this.future.push(!isPast);
    }
    this.scannedTo = this.text.length;
  }
}
