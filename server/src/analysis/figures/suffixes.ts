import { codeOfWord, CURRENCY_AFTER, hundredthOf } from './currencies';
import type { Draft } from './draft';
import { codeAt, isLetter } from './guards';
import { readUnit } from './units';

/*
 * What follows a number and belongs to its span: a percent sign or word ("40%", "40 per
 * cent"), a currency written after it ("5 billion dollars", "$249 USD"), or a unit of measure
 * ("7.5 kilometers").
 */

const PERCENT = /[ \u00a0]?(%|per[ \u00a0]?cent(?![\p{L}])|percent(?![\p{L}])|pct(?![\p{L}])|percentage[ \u00a0]+points?(?![\p{L}]))/iuy;

/** True when a letter follows `p`, touching or after one space. */
export function letterAfter(text: string, p: number): boolean {
  const c = codeAt(text, p);
  if (isLetter(c)) return true;
  return (c === 32 || c === 0xa0) && isLetter(codeAt(text, p + 1));
}

/** Reads %, a currency after the number, or a unit of measure. Returns the new end and the unit read. */
export function readSuffix(text: string, draft: Draft, p: number): { end: number; unit?: string } {
  const c = codeAt(text, p);
  // Nothing but a letter, %, a hyphen, a prime, a degree or a currency sign can start a suffix.
  const c2 = c === 32 || c === 0xa0 ? codeAt(text, p + 1) : c;
  if (!letterAfter(text, p) && c !== 37 && c !== 45 && c !== 39 && c !== 0x2033 && c !== 0xb0 && !(c2 >= 0xa3 && c2 <= 0xa5) && !(c2 >= 0x20a0 && c2 <= 0x20cf)) {
    return { end: p };
  }
  PERCENT.lastIndex = p;
  const pm = PERCENT.exec(text);
  if (pm && draft.type !== 'MONEY') {
    draft.type = 'PERCENT';
    draft.unit = '%';
    draft.end = PERCENT.lastIndex;
    draft.measure = /points?$/i.test(pm[1]) ? 'percentage points' : 'percent';
    return { end: draft.end, unit: '%' };
  }
  CURRENCY_AFTER.lastIndex = p;
  const cm = CURRENCY_AFTER.exec(text);
  if (cm) {
    const code = codeOfWord(cm[1], cm[2]);
    const base = hundredthOf(code);
    // "$249 USD" and "$9.99 US dollars" repeat the currency; the written word decides.
    draft.type = 'MONEY';
    if (base) {
      draft.unit = base;
      if (draft.value !== null) draft.value /= 100;
      if (draft.high !== undefined) draft.high /= 100;
    } else {
      draft.unit = code;
    }
    draft.end = CURRENCY_AFTER.lastIndex;
    return { end: draft.end, unit: draft.unit };
  }
  if (draft.type === 'MONEY') return { end: p };
  const u = readUnit(text, p);
  if (u) {
    draft.unit = u.unit;
    draft.end = u.end;
    return { end: u.end, unit: u.unit };
  }
  return { end: p };
}
