import { previousWord } from './guards';

/*
 * Approximators written before a number ("nearly 300", "no more than 40", "in excess of
 * $5bn"): kept in a figure's `approx`, outside its span.
 */

// One-word approximators; the phrases ("at least", "more than", "as many as", "just over",
// "in excess of", "an estimated") are read word by word in readApprox.
const APPROX_WORDS = new Set('nearly almost about around roughly approximately approx. some between circa c.'.split(' '));

/** The lower-cased word right before `pos`, with where it starts. */
function lowerWordBefore(text: string, pos: number): { word: string; start: number } {
  const w = previousWord(text, pos);
  return { word: w.word.toLowerCase(), start: w.start };
}

/** Reads the approximator written right before `start`, lower-cased. */
export function readApprox(text: string, start: number, previous: { word: string; start: number }): string | undefined {
  if (start === 0 || previous.word === '') return undefined;
  const w1 = previous.word.toLowerCase();
  // Read word by word, backward; the longest phrase wins ("no more than" over "more than").
  const before = (p: { start: number }) => lowerWordBefore(text, p.start);
  switch (w1) {
    case 'than': {
      const w2 = before(previous);
      if (w2.word !== 'more' && w2.word !== 'less' && w2.word !== 'fewer') return undefined;
      return before(w2).word === 'no' ? `no ${w2.word} than` : `${w2.word} than`;
    }
    case 'least':
    case 'most':
      return before(previous).word === 'at' ? `at ${w1}` : undefined;
    case 'to': {
      const w2 = before(previous).word;
      return w2 === 'up' || w2 === 'close' ? `${w2} to` : undefined;
    }
    case 'as': {
      const w2 = before(previous);
      if (w2.word !== 'many' && w2.word !== 'much' && w2.word !== 'few' && w2.word !== 'little') return undefined;
      return before(w2).word === 'as' ? `as ${w2.word} as` : undefined;
    }
    case 'of': {
      const w2 = before(previous);
      if (w2.word === 'upwards') return 'upwards of';
      return w2.word === 'excess' && before(w2).word === 'in' ? 'in excess of' : undefined;
    }
    case 'over':
    case 'under': {
      const w2 = before(previous).word;
      return w2 === 'just' || w2 === 'well' ? `${w2} ${w1}` : w1;
    }
    case 'estimated':
      return before(previous).word === 'an' ? 'an estimated' : 'estimated';
    default:
      return APPROX_WORDS.has(w1) ? w1 : undefined;
  }
}
