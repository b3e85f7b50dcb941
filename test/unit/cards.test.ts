import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DateMention, FigureMention } from '../../server/src/analysis/types';
import type { EntitySummary, LedgerRow } from '../../server/src/corpus/queries';
import { commandLink, describeAnchor, describeDate, describeEntity, describeFigure, escapeMarkdown, fileName, plural } from '../../server/src/lsp/describe';
import { shortDateLabel } from '../../server/src/lsp/inlayHints';
import { ClientCommands } from '../../server/src/protocol';

// The hover cards, word for word: what a reader sees.

const link = (label: string, command: string, args: unknown[]) => `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;

const MARROW: EntitySummary = {
  id: 'person:ilse marrow',
  kind: 'person',
  canonical: 'Ilse Marrow',
  spellings: ['Ilse Marrow', 'Ms Marrow', 'Marrow'],
  roles: ['minister', 'Transport Minister'],
  mentionCount: 1234,
  articleCount: 1,
  rules: ['title:Ms', 'gazetteer:given-name'],
};

describe('hover cards', () => {
  it('describe an entity: name and type, counts linked to references, dashboard links, dates, spellings, roles, company, rules', () => {
    const references = ['file:///a.txt', { line: 3, character: 9 }] as [string, { line: number; character: number }];
    const card = describeEntity(MARROW, { firstDate: '2024-03-04', lastDate: '2024-03-08', coMentioned: [{ id: 'place:oslo', canonical: 'Oslo', kind: 'place', articles: 2 }, { id: 'org:x', canonical: 'X_Y', kind: 'org', articles: 1 }] }, references);
    assert.equal(card, [
      '**Ilse Marrow** · person',
      '',
      link('1,234 mentions in 1 article', ClientCommands.showReferences, references),
      '',
      `${link('Show on timeline', ClientCommands.showOnTimeline, [MARROW.id])} · ${link('Show network', ClientCommands.showNetwork, [MARROW.id])}`,
      '',
      'Reported from 2024-03-04 to 2024-03-08',
      '',
      'Also written: Ms Marrow, Marrow',
      '',
      'Role or title: minister, Transport Minister',
      '',
      'Often with: Oslo (2), X\\_Y (1)',
      '',
      'Why an entity: title:Ms, gazetteer:given-name',
    ].join('\n'));
  });

  it('describe an entity reported on one day, without links, spellings, roles or company, bounding long lists', () => {
    const plain: EntitySummary = { ...MARROW, kind: 'org', canonical: 'Port*Authority', spellings: ['Port*Authority'], roles: [], mentionCount: 1, articleCount: 2, rules: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] };
    assert.equal(describeEntity(plain, { firstDate: '2024-03-04', lastDate: '2024-03-04', coMentioned: [] }), [
      '**Port\\*Authority** · organization',
      '',
      '1 mention in 2 articles',
      '',
      'Reported on 2024-03-04',
      '',
      'Why an entity: a, b, c, d, e, f',
    ].join('\n'));
    const crowded: EntitySummary = { ...MARROW, kind: 'place', spellings: ['Ilse Marrow', ...Array.from({ length: 13 }, (_, i) => `S${i}`)], roles: Array.from({ length: 6 }, (_, i) => `R${i}`) };
    const card = describeEntity(crowded, { firstDate: '', lastDate: '', coMentioned: [] });
    assert.match(card, /^\*\*Ilse Marrow\*\* · place\n/);
    assert.ok(card.includes('\nAlso written: S0, S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, …\n'), card);
    assert.ok(card.includes('\nRole or title: R0, R1, R2, R3, R4\n'), card);
    assert.doesNotMatch(card, /Reported/);
    assert.equal(describeEntity({ ...crowded, spellings: ['Ilse Marrow', ...Array.from({ length: 12 }, (_, i) => `S${i}`)] }).includes('S11\n'), true, 'twelve fit without an ellipsis');
  });

  it('describe a date: value in words, anchor of a relative date, reading; or why it is unresolved', () => {
    const date: DateMention = { kind: 'date', type: 'DATE', start: 0, end: 9, text: 'last week', value: '2024-W09', relative: true, reading: 'the week before the article date' };
    assert.equal(describeDate(date, { value: '2024-03-05', source: 'date-line' }), [
      '**last week** · date (relative)',
      '',
      'Value: `2024-W09` (week 9 of 2024 \\(26 Feb – 3 Mar 2024\\))',
      '',
      'Anchor: 2024-03-05 from the article’s date line',
      '',
      'Read as: the week before the article date',
    ].join('\n'));
    const absolute: DateMention = { kind: 'date', type: 'DATE', start: 0, end: 4, text: '2024', value: '2024', relative: false, reading: '' };
    assert.equal(describeDate(absolute, { value: '', source: 'none' }), '**2024** · date\n\nValue: `2024` (the year 2024)');
    assert.equal(describeDate({ ...absolute, text: '1990s', value: '1990s' }, { value: '', source: 'none' }), '**1990s** · date\n\nValue: `1990s`', 'no words when they would repeat the value');
    const unresolved: DateMention = { ...date, value: null, unresolved: 'no article date' };
    assert.equal(describeDate(unresolved, { value: '', source: 'none' }), '**last week** · date (relative)\n\nUnresolved: no article date\n\nAnchor: none (this article has no date)\n\nRead as: the week before the article date');
    assert.equal(describeDate({ ...unresolved, unresolved: undefined, relative: false, reading: '' }, { value: '', source: 'none' }), '**last week** · date\n\nUnresolved: no value could be read');
  });

  it('name where an article date came from', () => {
    assert.deepEqual(
      (['date-line', 'published-line', 'updated-line', 'dateline', 'front-matter', 'setting'] as const).map((source) => describeAnchor({ value: '2024-01-02', source })),
      [
        '2024-01-02 from the article’s date line',
        '2024-01-02 from the article’s “Published” line',
        '2024-01-02 from the article’s “Updated” line',
        '2024-01-02 from the article’s dateline',
        '2024-01-02 from the article’s front matter',
        '2024-01-02 from the corpusLens.articleDates setting',
      ],
    );
  });

  it('describe a figure with its ledger, marking this one, and linking the whole ledger', () => {
    const figure: FigureMention = { kind: 'figure', type: 'QUANTITY', start: 10, end: 15, text: '4,000', value: 4000, approx: 'over', counted: 'workers', measure: 'workers' };
    const row = (uri: string, text: string, start: number, date: string): LedgerRow => ({ uri, date, figure: { ...figure, text, start } });
    const ledger = { total: 12, rows: [row('file:///w/a%20b.txt', '3,000', 1, '2024-03-01'), row('file:///w/c.txt', '4,000', 10, '2024-03-02'), row('file:///w/d.txt', '4,000', 10, ''), row('file:///w/c.txt', '5_000', 99, '2024-03-04')] };
    assert.equal(describeFigure(figure, 'file:///w/c.txt', ledger, 3), [
      '**4,000** · quantity',
      '',
      'Value: over 4,000',
      '',
      'Counts: workers',
      '',
      '**workers** across the corpus, oldest first:',
      '',
      '- 3,000, 2024-03-01, a b\\.txt',
      '- 4,000, 2024-03-02, c\\.txt ← this one',
      '- 4,000, undated, d\\.txt',
      '',
      link('Open the whole ledger (12 figures)', ClientCommands.showLedger, ['workers']),
    ].join('\n'));
    assert.equal(describeFigure(figure, 'file:///w/c.txt', { total: 1, rows: [ledger.rows[1]] }), '**4,000** · quantity\n\nValue: over 4,000\n\nCounts: workers', 'a ledger of one is no ledger');
  });

  it('name the ledger without a link for a client that cannot run it, and leave out the dashboard when asked', () => {
    const figure: FigureMention = { kind: 'figure', type: 'QUANTITY', start: 0, end: 2, text: '40', value: 40, measure: 'ships' };
    const ledger = { total: 2, rows: [{ uri: 'file:///a.txt', date: '2024-03-01', figure }, { uri: 'file:///b.txt', date: '2024-03-02', figure: { ...figure, text: '41' } }] };
    assert.equal(describeFigure(figure, 'file:///a.txt', ledger, 8, false).split('\n').at(-1), '2 figures in the ledger (corpusLens/ledger)');
    assert.equal(describeFigure({ ...figure, high: 0, value: -5 }, 'file:///a.txt').split('\n')[2], 'Value: -5–0', 'a range up to zero is still a range');
    const references = ['file:///a.txt', { line: 0, character: 0 }] as [string, { line: number; character: number }];
    const card = describeEntity(MARROW, undefined, references, false);
    assert.ok(card.includes(link('1,234 mentions in 1 article', ClientCommands.showReferences, references)));
    assert.doesNotMatch(card, /Show on timeline|Show network/);
    assert.match(describeEntity(MARROW, undefined, undefined, true), /Show on timeline/, 'dashboard links without a references link');
  });

  it('write values with their ranges, units and percentages, or say they cannot be read', () => {
    const base: FigureMention = { kind: 'figure', type: 'MONEY', start: 0, end: 1, text: 'x', value: 1.5e9, measure: 'money:USD' };
    const valueLine = (f: Partial<FigureMention>) => describeFigure({ ...base, ...f }, 'file:///a.txt').split('\n')[2];
    assert.equal(valueLine({ unit: 'USD' }), 'Value: 1,500,000,000 USD');
    assert.equal(valueLine({ value: 15, high: 20.1234567, unit: '%' }), 'Value: 15–20.123457%');
    assert.equal(valueLine({ value: null }), 'Value: unreadable');
  });
});

describe('card helpers', () => {
  it('count, escape, link and name files as the cards need', () => {
    assert.deepEqual([plural(0, 'article'), plural(1, 'article'), plural(2, 'article'), plural(12345, 'mention')], ['0 articles', '1 article', '2 articles', '12,345 mentions']);
    assert.equal(escapeMarkdown('a*b_c`d[e](f)#g+h-i.j!k|l<m>n{o}p\\q'), 'a\\*b\\_c\\`d\\[e\\]\\(f\\)\\#g\\+h\\-i\\.j\\!k\\|l\\<m\\>n\\{o\\}p\\\\q');
    assert.equal(commandLink('Go', 'corpusLens.x', ['a b', { n: 1 }]), '[Go](command:corpusLens.x?%5B%22a%20b%22%2C%7B%22n%22%3A1%7D%5D)');
    assert.deepEqual([fileName('file:///w/sub/caf%C3%A9%20news.txt'), fileName('doc:1')], ['café news.txt', 'doc:1']);
  });

  it('shorten a date value to the calendar date an inlay hint shows, or nothing to show', () => {
    assert.deepEqual(
      ['2024-03-05', '2024-W09', '2024', 'PRESENT_REF', 'PAST_REF', 'P1W', 'PT5H', '1990s'].map(shortDateLabel),
      ['Tue 5 Mar 2024', '26 Feb – 3 Mar 2024', 'the year 2024', undefined, undefined, undefined, undefined, undefined],
    );
  });
});
