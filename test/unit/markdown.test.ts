import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import { frontMatterDate, isMarkdownPath, maskMarkdown } from '../../server/src/analysis/markdown';

// Invented sample articles, written for these tests.

/** The masked text keeps length and line breaks, and reads as `expected` with runs of spaces collapsed. */
function check(markdown: string, expected: string): void {
  const { text } = maskMarkdown(markdown);
  assert.equal(text.length, markdown.length, 'same length: offsets hold');
  assert.deepEqual(text.split(/\r\n|\r|\n/).length, markdown.split(/\r\n|\r|\n/).length, 'same lines');
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ' ' && text[i] !== markdown[i]) assert.fail(`offset ${i}: "${markdown[i]}" became "${text[i]}" (only blanking is allowed)`);
  }
  assert.equal(text.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim(), expected);
}

describe('maskMarkdown', () => {
  it('blanks heading hashes, closing hashes, quote and list markers, rules and setext underlines', () => {
    check('# Ferry fares frozen #\n\n> Quoted here\n\n- one item\n1. two item\n\n***\nTitle\n=====', 'Ferry fares frozen\n\nQuoted here\n\none item\ntwo item\n\n\nTitle');
  });
  it('keeps link text, blanks destinations, titles, references and their definitions', () => {
    check('The [Harbour Authority](https://example.org/a_b "The Authority") and [Lisbon][1] met.\n\n[1]: https://example.org/lisbon', 'The Harbour Authority and Lisbon met.');
  });
  it('blanks emphasis markers but keeps snake_case words and the words inside', () => {
    check('**Tobias Lindqvist** said _plainly_ that ~~old~~ file_name stays', 'Tobias Lindqvist said plainly that old file_name stays');
  });
  it('blanks code spans, fenced code, images, HTML tags and comments, autolinks and bare URLs', () => {
    const text = [
      'Use `Code Person` here.',
      '```js',
      'Fenced Person',
      '```',
      '![Photo of Ana Ferreira](ana.png) <b>Helena Marsh</b>',
      '<!-- Hidden',
      'Person -->',
      'See <https://example.com/X> and https://example.com/Jonas_Weber now.',
      '<script>',
      'var Script Person;',
      '</script>',
    ].join('\n');
    check(text, 'Use here.\n\n\n\nHelena Marsh\n\n\nSee and now.');
  });
  it('blanks the pipes and delimiter row of a table', () => {
    check('| Name | Role |\n| --- | :---: |\n| Jonas Weber | director |', 'Name Role\n\nJonas Weber director');
  });
  it('keeps CRLF line ends and astral characters in place', () => {
    const text = '# 📰 Héadline\r\n\r\n**Ana** met 👋 *Jonas*.\r\n';
    check(text, '📰 Héadline\n\nAna met 👋 Jonas .');
  });
  it('never throws on unclosed constructs and binary-looking input', () => {
    for (const text of ['```\nnever closed', '<!-- never closed\nat all', '---\ntitle: [unclosed\n', '[[[[[[((((', '\u0000\uFFFD*_`<>[]', '---']) {
      assert.equal(maskMarkdown(text).text.length, text.length);
    }
  });
});

describe('front matter', () => {
  const article = '---\ntitle: "Bridge repairs: the \\"plan\\""\ndate: 2024-03-05T09:30:00Z\nauthor: Ana Ferreira\n---\nBody names Jonas Weber.\n';

  it('is blanked whole, so its names are not mentions', () => {
    const { text, frontMatter } = maskMarkdown(article);
    assert.ok(frontMatter);
    assert.equal(text.slice(0, frontMatter.span.end).trim(), '');
    assert.equal(frontMatter.span.start, 0);
    assert.equal(article.slice(frontMatter.span.end), 'Body names Jonas Weber.\n');
    const analysis = analyzeArticle(article, { markdown: true });
    assert.deepEqual(analysis.entities.map((e) => article.slice(e.start, e.end)), ['Jonas Weber']);
  });

  it('gives the title (unescaped, its range inside the quotes) and the date', () => {
    const { frontMatter } = maskMarkdown(article);
    assert.equal(frontMatter?.title?.text, 'Bridge repairs: the "plan"');
    assert.equal(article.slice(frontMatter!.title!.start, frontMatter!.title!.end), 'Bridge repairs: the \\"plan\\"');
    assert.equal(frontMatter?.date?.value, '2024-03-05');
    assert.equal(article.slice(frontMatter!.date!.start, frontMatter!.date!.end), '2024-03-05T09:30:00Z');
  });

  it('makes the title the headline and the date the article date relative dates resolve against', () => {
    const text = '---\ntitle: Ferry fares frozen\ndate: March 12, 2024\n---\n\nThe minister spoke on Tuesday.\n';
    const analysis = analyzeArticle(text, { markdown: true });
    assert.equal(analysis.headline?.text, 'Ferry fares frozen');
    assert.deepEqual(analysis.articleDate.value, '2024-03-12');
    assert.equal(analysis.articleDate.source, 'front-matter');
    const tuesday = analysis.dates.find((d) => text.slice(d.start, d.end) === 'Tuesday');
    assert.equal(tuesday?.value, '2024-03-12');
  });

  it('gives way to the article date setting', () => {
    const analysis = analyzeArticle('---\ndate: 2024-03-12\n---\nOn Tuesday.\n', { markdown: true, articleDate: '2024-01-01' });
    assert.deepEqual([analysis.articleDate.value, analysis.articleDate.source], ['2024-01-01', 'setting']);
  });

  it('is only front matter at the very top, closed, and valid YAML; otherwise no title or date', () => {
    assert.equal(maskMarkdown('Intro\n---\ntitle: X\n---\n').frontMatter, undefined);
    assert.equal(maskMarkdown('---\ntitle: never closed\n').frontMatter, undefined);
    const bad = maskMarkdown('---\ntitle: [unclosed\ndate: 2024-03-05\n---\nBody\n');
    assert.ok(bad.frontMatter, 'still blanked as front matter');
    assert.equal(bad.frontMatter.title, undefined);
    // Keys that are JavaScript object keys are just keys.
    assert.equal(maskMarkdown('---\n__proto__: x\nconstructor: y\ntitle: Safe\n---\n').frontMatter?.title?.text, 'Safe');
  });

  it('reads the common date forms and refuses impossible dates', () => {
    const cases: [string, string | undefined][] = [
      ['2024-03-05', '2024-03-05'],
      ['2024-03-05 10:00', '2024-03-05'],
      ['2024/3/5', '2024-03-05'],
      ['Tuesday, March 5, 2024', '2024-03-05'],
      ['5 March 2024', '2024-03-05'],
      ['Mar. 5th, 2024', '2024-03-05'],
      ['2023-02-29', undefined],
      ['yesterday', undefined],
      ['', undefined],
    ];
    for (const [raw, expected] of cases) assert.equal(frontMatterDate(raw), expected, raw);
  });
});

describe('Markdown analysis', () => {
  it('finds names through emphasis and links at their exact offsets in the file', () => {
    const text = '# Harbour talks\n\n**Tobias Lindqvist** met [Helena Marsh](https://example.org/h) in *Lisbon*.\n';
    const analysis = analyzeArticle(text, { markdown: true });
    const names = analysis.entities.map((e) => [text.slice(e.start, e.end), e.kind]);
    for (const expected of [['Tobias Lindqvist', 'person'], ['Helena Marsh', 'person'], ['Lisbon', 'place']]) {
      assert.ok(names.some((n) => n[0] === expected[0] && n[1] === expected[1]), `${expected[0]} found in ${JSON.stringify(names)}`);
    }
    assert.ok(!names.some(([name]) => /[*[\]#(]/.test(name)), `no Markdown syntax in a name: ${JSON.stringify(names)}`);
    assert.equal(analysis.headline?.text, 'Harbour talks');
    assert.equal(text.slice(analysis.headline!.start, analysis.headline!.end), 'Harbour talks');
  });

  it('leaves a plain-text article alone when markdown is off', () => {
    const text = '**Not Markdown** here, Tobias Lindqvist said.';
    assert.deepEqual(analyzeArticle(text).entities.map((e) => e.start), analyzeArticle(text, {}).entities.map((e) => e.start));
    assert.ok(analyzeArticle(text).headline?.text.startsWith('**'));
  });

  it('knows Markdown files by their extension', () => {
    for (const p of ['a.md', '/x/y/Notes.MARKDOWN', 'file:///c%3A/a.mdown']) assert.ok(isMarkdownPath(p), p);
    for (const p of ['a.txt', '/x.md/readme', 'md', '/x/.md.bak']) assert.ok(!isMarkdownPath(p), p);
  });
});
