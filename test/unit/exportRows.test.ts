import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleAnalysis } from '../../server/src/analysis/types';
import { Corpus } from '../../server/src/corpus/corpus';
import { ExportCancelled, exportCorpus } from '../../server/src/corpus/exportCorpus';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';

// Two invented articles with every kind of row the export writes. The second holds a name with
// a comma and quotes, so CSV quoting shows.
const FIRST = 'Ms Ilse Marrow, minister, said on Tuesday that over 4,000 ($5m) Norwegian workers...';
const first: ArticleAnalysis = {
  articleDate: { value: '2024-03-05', source: 'date-line' },
  entities: [
    { kind: 'person', key: 'person:ilse marrow', text: 'Ms Ilse Marrow', canonical: 'Ilse Marrow', surname: 'marrow', start: 0, end: 14, fullName: true, role: 'minister', rule: 'title:Ms' },
    { kind: 'place', key: 'place:norway', text: 'Norwegian', canonical: 'Norway', start: 64, end: 73, fullName: false, rule: 'demonym', demonym: true },
  ],
  dates: [{ kind: 'date', type: 'DATE', start: 34, end: 41, text: 'Tuesday', value: '2024-03-05', relative: true, reading: 'weekday' }],
  figures: [
    { kind: 'figure', type: 'QUANTITY', start: 52, end: 57, text: '4,000', value: 4000, approx: 'over', counted: 'workers', measure: 'workers' },
    { kind: 'figure', type: 'MONEY', start: 59, end: 62, text: '$5m', value: 5e6, unit: 'USD', measure: 'money:USD' },
  ],
  problems: [],
};
const SECOND = 'Acme, "Ltd" and Ms Marrow met.';
const second: ArticleAnalysis = {
  articleDate: { value: '', source: 'none' },
  entities: [
    { kind: 'org', key: 'org:acme, "ltd"', text: 'Acme, "Ltd"', canonical: 'Acme, "Ltd"', start: 0, end: 11, fullName: true, rule: 'shape:org-suffix' },
    { kind: 'person', key: 'person:~marrow', text: 'Ms Marrow', canonical: 'Marrow', surname: 'marrow', start: 16, end: 25, fullName: false, rule: 'title:Ms' },
  ],
  dates: [],
  figures: [],
  problems: [],
};

function corpus(): Corpus {
  const c = new Corpus();
  // Added in reverse uri order: the export sorts them.
  c.setArticle('file:///w/b.txt', c.pack(SECOND, structuredClone(second)));
  c.setArticle('file:///w/a.txt', c.pack(FIRST, structuredClone(first)));
  return c;
}

const fileOf = (uri: string) => uri.slice('file:///w/'.length);

describe('export rows', () => {
  it('writes CSV: a header, then each article’s mentions in text order (articles by file), quoted where needed', () => {
    assert.deepEqual([...exportCorpus(corpus(), 'csv', fileOf, T)], [
      'file,start,end,text,type,entity,entityName,value,unit,counted,approx,role,articleDate',
      'a.txt,0,14,Ms Ilse Marrow,PERSON,person:ilse marrow,Ilse Marrow,,,,,minister,2024-03-05',
      'a.txt,34,41,Tuesday,DATE,,,2024-03-05,,,,,2024-03-05',
      'a.txt,52,57,"4,000",QUANTITY,,,4000,,workers,over,,2024-03-05',
      'a.txt,59,62,$5m,MONEY,,,5000000,USD,,,,2024-03-05',
      'b.txt,0,11,"Acme, ""Ltd""",ORG,"org:acme, ""ltd""","Acme, ""Ltd""",,,,,,',
      'b.txt,16,25,Ms Marrow,PERSON,person:ilse marrow,Ilse Marrow,,,,,,',
    ]);
  });

  it('writes JSON Lines: the entities, most reported first, then every mention with nulls for what it lacks', () => {
    const lines = [...exportCorpus(corpus(), 'jsonl', fileOf, T)].map((l) => JSON.parse(l));
    assert.deepEqual(lines.slice(0, 3), [
      { record: 'entity', entity: 'person:ilse marrow', name: 'Ilse Marrow', type: 'PERSON', spellings: ['Ms Ilse Marrow', 'Ms Marrow'], roles: ['minister'], mentions: 2, articles: 2 },
      { record: 'entity', entity: 'org:acme, "ltd"', name: 'Acme, "Ltd"', type: 'ORG', spellings: ['Acme, "Ltd"'], roles: [], mentions: 1, articles: 1 },
      { record: 'entity', entity: 'place:norway', name: 'Norwegian', type: 'LOC', spellings: ['Norwegian'], roles: [], mentions: 1, articles: 1 },
    ]);
    assert.deepEqual(lines[3], { record: 'mention', file: 'a.txt', articleDate: '2024-03-05', unit: null, counted: null, approx: null, role: 'minister', start: 0, end: 14, text: 'Ms Ilse Marrow', type: 'PERSON', entity: 'person:ilse marrow', entityName: 'Ilse Marrow', value: null });
    assert.deepEqual(lines[5], { record: 'mention', file: 'a.txt', articleDate: '2024-03-05', unit: null, counted: 'workers', approx: 'over', role: null, start: 52, end: 57, text: '4,000', type: 'QUANTITY', entity: null, entityName: null, value: 4000 });
    assert.deepEqual(lines.slice(3).map((l) => [l.file, l.start, l.type]), [
      ['a.txt', 0, 'PERSON'],
      ['a.txt', 34, 'DATE'],
      ['a.txt', 52, 'QUANTITY'],
      ['a.txt', 59, 'MONEY'],
      ['b.txt', 0, 'ORG'],
      ['b.txt', 16, 'PERSON'],
    ]);
  });

  it('exports one entity: its record and its mentions in the articles that name it, nothing else', () => {
    const lines = [...exportCorpus(corpus(), 'jsonl', fileOf, T, { entity: 'person:~marrow' })].map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.record, l.file ?? l.entity, l.text ?? l.name]), [
      ['entity', 'person:ilse marrow', 'Ilse Marrow'],
      ['mention', 'a.txt', 'Ms Ilse Marrow'],
      ['mention', 'b.txt', 'Ms Marrow'],
    ]);
  });

  it('sorts rows that start together by their end', () => {
    const c = new Corpus();
    const text = 'Kestrel Bay Port';
    c.setArticle('file:///w/a.txt', c.pack(text, {
      articleDate: { value: '', source: 'none' },
      entities: [
        { kind: 'place', key: 'place:kestrel bay port', text, canonical: text, start: 0, end: 16, fullName: true, rule: 'test' },
      ],
      dates: [],
      figures: [{ kind: 'figure', type: 'QUANTITY', start: 0, end: 7, text: 'Kestrel', value: null, measure: 'x' }],
      problems: [],
    }));
    assert.deepEqual([...exportCorpus(c, 'csv', fileOf, T)].slice(1).map((l) => l.split(',').slice(1, 3).join('-')), ['0-7', '0-16']);
  });

  it('never writes part of an article: cancelled at any point, what came out is whole articles of the full export', () => {
    for (const format of ['csv', 'jsonl'] as const) {
      const full = [...exportCorpus(corpus(), format, fileOf, T)];
      // Where the rows of each article start, and the end: a cancelled export stops at one of them.
      const bounds = new Set([full.findIndex((l) => l.includes('a.txt')), full.findIndex((l) => l.includes('b.txt')), full.length]);
      for (let looks = 0; looks < 40; looks++) {
        let seen = 0;
        const token = { get isCancellationRequested() { return ++seen > looks; } };
        const lines: string[] = [];
        try {
          for (const line of exportCorpus(corpus(), format, fileOf, token)) lines.push(line);
        } catch (error) {
          assert.ok(error instanceof ExportCancelled);
        }
        assert.deepEqual(lines, full.slice(0, lines.length), `${format} after ${looks} looks`);
        const mentions = lines.filter((l) => l.includes('.txt')).length;
        if (mentions > 0) assert.ok(bounds.has(lines.length), `${format} after ${looks} looks stopped inside an article (${lines.length} lines)`);
      }
    }
  });

  it('quotes a CSV cell holding a quote, a comma, a carriage return or a line feed, and writes nulls for what a mention lacks', () => {
    const c = new Corpus();
    const text = 'Say "Hi" Red\rBand met Odd,Co. Lake\nView';
    const org = (key: string, start: number, end: number, canonical: string) => ({ kind: 'org' as const, key, text: text.slice(start, end), canonical, start, end, fullName: true, rule: 'test' });
    c.setArticle('file:///w/q.txt', c.pack(text, { articleDate: { value: '', source: 'none' }, entities: [org('org:say "hi"', 0, 8, 'Say "Hi"'), org('org:red band', 9, 17, 'Red Band'), org('org:odd,co', 22, 28, 'Odd Co'), org('org:lake view', 30, 39, 'Lake View')], dates: [], figures: [], problems: [] }));
    const rows = [...exportCorpus(c, 'csv', fileOf, T)].slice(1);
    assert.deepEqual(rows, ['q.txt,0,8,"Say ""Hi""",ORG,"org:say ""hi""","Say ""Hi""",,,,,,', 'q.txt,9,17,"Red\rBand",ORG,org:red band,Red Band,,,,,,', 'q.txt,22,28,"Odd,Co",ORG,"org:odd,co",Odd Co,,,,,,', 'q.txt,30,39,"Lake\nView",ORG,org:lake view,Lake View,,,,,,']);
    const json = [...exportCorpus(c, 'jsonl', fileOf, T)].map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.record === 'mention');
    assert.deepEqual(json[0], { record: 'mention', file: 'q.txt', articleDate: null, unit: null, counted: null, approx: null, role: null, start: 0, end: 8, text: 'Say "Hi"', type: 'ORG', entity: 'org:say "hi"', entityName: 'Say "Hi"', value: null });
  });

  it('stops with ExportCancelled once cancelled, so a writer drops the partial file', () => {
    let looks = 0;
    const token = { get isCancellationRequested() { return ++looks > 3; } };
    const lines: string[] = [];
    assert.throws(() => {
      for (const line of exportCorpus(corpus(), 'csv', fileOf, token)) lines.push(line);
    }, (error: unknown) => error instanceof ExportCancelled && error.message === 'export cancelled');
    assert.ok(lines.length < 7, `stopped early (${lines.length} lines)`);
    assert.throws(() => [...exportCorpus(corpus(), 'jsonl', fileOf, { isCancellationRequested: true })], ExportCancelled);
    assert.throws(() => [...exportCorpus(new Corpus(), 'jsonl', fileOf, { isCancellationRequested: true })], ExportCancelled, 'even with no article to look at');
  });
});
