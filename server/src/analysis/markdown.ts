import { isMap, isScalar, parseDocument } from 'yaml';
import { isValidYmd, parseYmd } from './dates/calendar';
import { monthNumber } from './dates/lexicon';
import type { Span } from './types';

export { isMarkdownPath } from './markdownPath';

/**
 * Markdown articles: the syntax is blanked out, not removed, so every offset the analysis
 * finds in the masked text is the same UTF-16 offset in the file the editor shows.
 */

/** What the YAML front matter says of the article. */
export interface FrontMatter {
  /** The whole block, fences included. */
  span: Span;
  /** `title:` (or `headline:`), its value's place in the file and its text. */
  title?: Span;
  /** `date:` (or `published:`...), read as YYYY-MM-DD, with the value's place in the file. */
  date?: Span & { value: string };
}

export interface MaskedMarkdown {
  /** The text with front matter and Markdown syntax turned into spaces; line breaks kept. */
  text: string;
  frontMatter?: FrontMatter;
}

/** Front matter longer than this is not front matter but a document that starts with a rule. */
const FRONT_MATTER_LIMIT = 64 * 1024;
const TITLE_KEYS = new Set(['title', 'headline']);
const DATE_KEYS = new Set(['date', 'published', 'publishdate', 'publish_date', 'pubdate', 'date_published', 'datepublished']);

/** Replaces [start, end) with spaces, keeping line breaks (so lines and columns stay put). */
function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/** The YAML front matter at the very top ("---" lines around it), if any. */
function findFrontMatter(text: string): { start: number; bodyStart: number; bodyEnd: number; end: number } | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^---[ \t]*\r?\n/y;
  open.lastIndex = start;
  if (!open.exec(text)) return undefined;
  const bodyStart = open.lastIndex;
  // regex-safety: bounded (anchored at line starts, one line each)
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|$)/gm;
  close.lastIndex = bodyStart;
  const head = text.slice(0, Math.min(text.length, bodyStart + FRONT_MATTER_LIMIT));
  for (let m = close.exec(head); m; m = close.exec(head)) {
    // `^` in multiline mode also matches right after bodyStart's own line break.
    if (m.index < bodyStart) continue;
    return { start, bodyStart, bodyEnd: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** Reads title and date from the front matter's YAML; malformed YAML gives neither. */
function readFrontMatter(text: string, block: { start: number; bodyStart: number; bodyEnd: number; end: number }): FrontMatter {
  const span = { start: block.start, end: block.end, text: text.slice(block.start, block.end) };
  const result: FrontMatter = { span };
  let doc;
  try {
    doc = parseDocument(text.slice(block.bodyStart, block.bodyEnd), { uniqueKeys: false, prettyErrors: false });
  } catch {
    return result;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return result;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range) continue;
    const key = String(pair.key.value).toLowerCase();
    const value = pair.value.value;
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    // A quoted value's place is inside its quotes.
    const quoted = pair.value.type === 'QUOTE_DOUBLE' || pair.value.type === 'QUOTE_SINGLE' ? 1 : 0;
    const start = block.bodyStart + pair.value.range[0] + quoted;
    const end = block.bodyStart + pair.value.range[1] - quoted;
    const raw = String(value).trim();
    if (TITLE_KEYS.has(key) && !result.title && raw) result.title = { start, end, text: raw };
    else if (DATE_KEYS.has(key) && !result.date) {
      const date = frontMatterDate(raw);
      if (date) result.date = { start, end, text: text.slice(start, end), value: date };
    }
  }
  return result;
}

/**
 * A front matter date as YYYY-MM-DD: "2024-03-05", "2024-03-05T09:30:00Z", "2024/03/05",
 * "March 5, 2024", "5 March 2024"; undefined when it is none of these or not on the calendar.
 */
export function frontMatterDate(raw: string): string | undefined {
  const value = raw.trim().slice(0, 64);
  // regex-safety: bounded (64 characters)
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ])/.exec(value);
  if (iso) return ymd(+iso[1], +iso[2], +iso[3]);
  // regex-safety: bounded (64 characters)
  const monthFirst = /^(?:[A-Za-z]+,? +)?([A-Za-z]{3,9})\.? +(\d{1,2})(?:st|nd|rd|th)?,? +(\d{4})\b/.exec(value);
  if (monthFirst && monthNumber(monthFirst[1])) return ymd(+monthFirst[3], monthNumber(monthFirst[1]), +monthFirst[2]);
  // regex-safety: bounded (64 characters)
  const dayFirst = /^(?:[A-Za-z]+,? +)?(\d{1,2}) +([A-Za-z]{3,9})\.?,? +(\d{4})\b/.exec(value);
  if (dayFirst && monthNumber(dayFirst[2])) return ymd(+dayFirst[3], monthNumber(dayFirst[2]), +dayFirst[1]);
  return undefined;
}

function ymd(y: number, m: number, d: number): string | undefined {
  if (!isValidYmd(y, m, d)) return undefined;
  const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseYmd(value) ? value : undefined;
}

// Block-level syntax, each tried on one line.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE_OR_UNDERLINE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]\r\n]{1,999}\]:[ \t]*\S/;
/** A table's delimiter row ("| --- | :-: |"): only pipes, colons, dashes and spaces, with a pipe and a dash. */
const TABLE_DELIMITER_CHARS = /^[ \t|:-]+$/;
function isTableDelimiter(line: string): boolean {
  return TABLE_DELIMITER_CHARS.test(line) && line.includes('|') && line.includes('-');
}
/** Blockquote markers, list markers and a heading's hashes at the start of a line. */
const BLOCK_PREFIX = /^(?:[ \t]*>)*[ \t]*(?:[-+*][ \t]+|\d{1,9}[.)][ \t]+)?(?:\[[ xX]\][ \t]+)?(?:#{1,6}(?=[ \t]|$))?/;
const CLOSING_HASHES = /[ \t]#+[ \t]*$/;
const HTML_BLOCK_OPEN = /<(script|style|pre|textarea)\b|<!--/i;

// Inline syntax, each run over one line.
const INLINE_PATTERNS: RegExp[] = [
  // Code spans (a run of backticks to the same run), images, autolinks, HTML comments and tags,
  // bare links and footnote references: blanked whole.
  /(`+)[^`]+?\1|!\[[^\]\r\n]{0,999}\](?:\([^)\r\n]{0,999}\)|\[[^\]\r\n]{0,999}\])?|<(?:https?:|mailto:)[^>\s]{1,2000}>|<!--.*?-->|<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\r\n]{0,999})?\/?>|\b(?:https?:\/\/|www\.)[^\s<>()]{1,2000}|\[\^[^\]\r\n]{1,99}\]/g,
];
/** A link's destination or reference after its text: `](url "title")`, `][ref]`. */
const LINK_TAIL = /\](?:\([^)\r\n]{0,2000}\)|\[[^\]\r\n]{0,999}\])/g;
/** Single syntax characters: brackets, emphasis stars, strike-through tildes, table pipes, escapes. */
const SYNTAX_CHARS = /[[\]*|]|~~|\\(?=[!-/:-@[-`{-~])/g;
/** Underscores of emphasis: not between two letters or digits (snake_case stays). */
const UNDERSCORE = /_+/g;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026' };

/** Blanks every match of a global pattern in chars[from, to) (the line is `line`, at `from`). */
function blankMatches(chars: string[], line: string, from: number, pattern: RegExp): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) blank(chars, from + m.index, from + m.index + m[0].length);
}

/** Blanks the inline syntax of one line that starts at `from` (block prefixes already gone). */
function maskInline(chars: string[], from: number, to: number): void {
  let line = chars.slice(from, to).join('');
  for (const pattern of INLINE_PATTERNS) blankMatches(chars, line, from, pattern);
  line = chars.slice(from, to).join('');
  blankMatches(chars, line, from, LINK_TAIL);
  line = chars.slice(from, to).join('');
  blankMatches(chars, line, from, SYNTAX_CHARS);
  UNDERSCORE.lastIndex = 0;
  for (let m = UNDERSCORE.exec(line); m; m = UNDERSCORE.exec(line)) {
    const before = line[m.index - 1] ?? ' ';
    const after = line[m.index + m[0].length] ?? ' ';
    if (!(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after))) blank(chars, from + m.index, from + m.index + m[0].length);
  }
  // An entity becomes its character followed by spaces: "&amp;" reads "&    ".
  ENTITY.lastIndex = 0;
  for (let m = ENTITY.exec(line); m; m = ENTITY.exec(line)) {
    const code = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : undefined;
    const char = code !== undefined ? (code > 0 && code <= 0xffff ? String.fromCharCode(code) : ' ') : NAMED_ENTITIES[m[3].toLowerCase()];
    if (char === undefined) continue;
    blank(chars, from + m.index, from + m.index + m[0].length);
    chars[from + m.index] = char;
  }
}

/**
 * The article text of a Markdown file with its syntax blanked out: front matter, fenced code,
 * HTML comments and script/style blocks, heading hashes, list and quote markers, rules, link
 * destinations and reference definitions, images, code spans, emphasis markers, tags and bare
 * URLs all become spaces; the words a reader reads stay where they are. Never throws.
 */
export function maskMarkdown(text: string): MaskedMarkdown {
  const chars = Array.from({ length: text.length }, (_, i) => text[i]);
  let frontMatter: FrontMatter | undefined;
  let pos = 0;
  const block = findFrontMatter(text);
  if (block) {
    frontMatter = readFrontMatter(text, block);
    blank(chars, block.start, block.end);
    pos = block.end;
  }
  let fence: string | undefined;
  let htmlEnd: string | undefined;
  // regex-safety: bounded (one line at a time, no nested quantifier)
  const lines = /([^\r\n]*)(?:\r\n|\r|\n|$)/y;
  while (pos < text.length) {
    lines.lastIndex = pos;
    const m = lines.exec(text);
    if (!m || m[0].length === 0) break;
    const lineStart = pos;
    const content = m[1];
    const lineEnd = lineStart + content.length;
    pos += m[0].length;
    if (fence) {
      blank(chars, lineStart, lineEnd);
      const close = FENCE.exec(content);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && !content.slice(close[0].length).trim()) fence = undefined;
      continue;
    }
    if (htmlEnd) {
      const at = content.toLowerCase().indexOf(htmlEnd);
      blank(chars, lineStart, at < 0 ? lineEnd : lineStart + at + htmlEnd.length);
      if (at < 0) continue;
      htmlEnd = undefined;
      maskInline(chars, lineStart, lineEnd);
      continue;
    }
    const open = FENCE.exec(content);
    if (open) {
      fence = open[1];
      blank(chars, lineStart, lineEnd);
      continue;
    }
    if (RULE_OR_UNDERLINE.test(content) || LINK_DEFINITION.test(content) || isTableDelimiter(content)) {
      blank(chars, lineStart, lineEnd);
      continue;
    }
    const prefix = BLOCK_PREFIX.exec(content)?.[0] ?? '';
    blank(chars, lineStart, lineStart + prefix.length);
    if (prefix.includes('#')) {
      const closing = CLOSING_HASHES.exec(content);
      if (closing && closing.index >= prefix.length) blank(chars, lineStart + closing.index, lineEnd);
    }
    // An HTML block or comment that does not end on its line blanks everything up to its end.
    const html = HTML_BLOCK_OPEN.exec(content);
    if (html) {
      const end = html[0] === '<!--' ? '-->' : `</${html[1].toLowerCase()}>`;
      const closeAt = content.toLowerCase().indexOf(end, html.index + html[0].length);
      if (closeAt < 0) {
        blank(chars, lineStart + html.index, lineEnd);
        maskInline(chars, lineStart, lineStart + html.index);
        htmlEnd = end;
        continue;
      }
      if (html[0] !== '<!--') blank(chars, lineStart + html.index, lineStart + closeAt + end.length);
    }
    maskInline(chars, lineStart, lineEnd);
  }
  return { text: chars.join(''), frontMatter };
}

/**
 * A plain-text article that opens with YAML front matter (as exported or scraped corpora often
 * do): the block is blanked like Markdown's and its title and date read; the rest of the text
 * is left as it is. Undefined when the text has no front matter.
 */
export function maskFrontMatter(text: string): MaskedMarkdown | undefined {
  const block = findFrontMatter(text);
  if (!block) return undefined;
  const chars = Array.from({ length: block.end }, (_, i) => text[i]);
  blank(chars, block.start, block.end);
  return { text: chars.join('') + text.slice(block.end), frontMatter: readFrontMatter(text, block) };
}
