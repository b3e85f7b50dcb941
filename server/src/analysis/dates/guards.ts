/**
 * Checks that keep numbers that only look like dates out: URLs, e-mail addresses, version
 * strings (v2.10.3), phone numbers, thousands (127,000) and ranges (2012-13).
 */

const URLISH = /:\/\/|^www\.|@|\.(?:com|org|net|html?|php)\b/i;
// How far around a match we look for the address it may sit in.
const REACH = 100;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

/** The whitespace-delimited token around [start, end), looked at no further than REACH characters. */
function tokenAround(text: string, start: number, end: number): string {
  let s = start;
  const minS = Math.max(0, start - REACH);
  while (s > minS && !isSpace(text.charCodeAt(s - 1))) s--;
  let e = end;
  const maxE = Math.min(text.length, end + REACH);
  while (e < maxE && !isSpace(text.charCodeAt(e))) e++;
  return text.slice(s, e);
}

/** True when a slash or an at sign lies within 60 characters of the match: an address may. */
function hasAddressCharNear(text: string, start: number, end: number): boolean {
  const to = Math.min(text.length, end + 60);
  for (let i = Math.max(0, start - 60); i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 47 || code === 64) return true;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * True when a match that starts or ends with a digit is really part of a larger number, code
 * or address, or when any match sits inside a URL or e-mail address. `mayHoldAddress` false
 * says the text has no slash or at sign anywhere, which spares the look around every match.
 */
export function isFalseDate(text: string, start: number, end: number, mayHoldAddress = true): boolean {
  // Char codes rather than a regex on one-character strings: this runs for every candidate date.
  if (isDigit(text.charCodeAt(start))) {
    const before = text.slice(Math.max(0, start - 3), start);
    // $1990, #2014, v2.10, 555-2014, 3/2014, 1.2014, and a digit group before it (+44 20 7946 2014).
    if (/[$£€¥#\\/.:,+\-–_=]$|[vV]$|\d[\s.)]?$/.test(before)) return true;
  }
  if (isDigit(text.charCodeAt(end - 1))) {
    const after = text.slice(end, end + 4);
    if (/^(?:[.,:/\-–]\d|\d)/.test(after)) return true;
  }
  if (mayHoldAddress && hasAddressCharNear(text, start, end)) {
    const token = tokenAround(text, start, end);
    if (token.length > 8 && URLISH.test(token)) return true;
  }
  return false;
}
