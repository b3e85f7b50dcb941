/**
 * Lines that web pages wrap around an article ("Also read: ...", "Connect with us", "Read
 * More"). The grammar colours the same lines; here they matter because none of them is the
 * headline.
 */
const BOILERPLATE = new RegExp(
  '^\\s*(?:' +
    [
      "(?:also read|read also|read more|see also|related(?: (?:articles?|stories|story|news|content|coverage|reading|links?))?|recommended(?: for you)?|(?:image |photo )?source|must read|don['’]t miss|you may also like|trending|watch|listen|advertisement)\\s*:.*",
      'read more(?:\\s*(?:»|>>|›|…|\\.\\.\\.))?',
      'advertisements?',
      'sponsored(?: content)?',
      'share this (?:article|story|post|page).*',
      'connect with us',
      'follow us(?: on .*)?',
      'hi,? what are you looking for\\s*\\?',
      'click here\\b.*',
      'skip to (?:main )?content',
      'all rights reserved\\.?',
      '(?:copyright )?©.*',
    ].join('|') +
    ')\\s*$',
  'i',
);

/** A `date YYYY-MM-DD` header line. */
const DATE_LINE = /^\s*date\s*:?\s+\d{4}-\d{2}-\d{2}\s*$/i;

/** True for a line of web-page boilerplate. */
export function isBoilerplate(line: string): boolean {
  return line.length <= 300 && BOILERPLATE.test(line);
}

/** True for a line that can be a headline: not boilerplate, not the date line, not a paragraph. */
export function canBeHeadline(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 200 && !DATE_LINE.test(trimmed) && !isBoilerplate(trimmed);
}
