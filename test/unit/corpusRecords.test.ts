import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleAnalysis } from '../../server/src/analysis/types';
import { ArticleStore } from '../../server/src/corpus/articleStore';
import { hashText, packArticle } from '../../server/src/corpus/packedArticle';
import { ValueTable } from '../../server/src/corpus/valueTable';
import { Cancelled, Pacer } from '../../server/src/dashboard/pacer';

// An invented article whose mentions are handed over out of text order.
const TEXT = 'Talks in Lisbon: Ilse Marrow and Ms Marrow met Tomas Fell on Tuesday.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
function analysis(): ArticleAnalysis {
  return {
    articleDate: { value: '2024-03-05', source: 'date-line' },
    entities: [
      { kind: 'person', key: 'person:tomas fell', text: 'Tomas Fell', canonical: 'Tomas Fell', ...at('Tomas Fell'), fullName: true, rule: 'test' },
      { kind: 'place', key: 'place:lisbon', text: 'Lisbon', canonical: 'Lisbon', ...at('Lisbon'), fullName: false, rule: 'test' },
      { kind: 'person', key: 'person:~marrow', text: 'Ms Marrow', canonical: 'Marrow', ...at('Ms Marrow'), fullName: false, role: 'minister', rule: 'test' },
      { kind: 'person', key: 'person:ilse marrow', text: 'Ilse Marrow', canonical: 'Ilse Marrow', ...at('Ilse Marrow'), fullName: true, rule: 'test' },
    ],
    dates: [{ kind: 'date', type: 'DATE', text: 'Tuesday', ...at('Tuesday'), value: '2024-03-05', relative: true, reading: 'weekday' }],
    figures: [],
    problems: [],
  };
}

describe('articles as packed and stored', () => {
  it('puts mentions in text order before packing them', () => {
    const table = new ValueTable();
    const article = packArticle(table, TEXT, analysis());
    const store = new ArticleStore(table);
    const record = store.set('file:///a.txt', article, article.packed);
    const columns = store.entities(record);
    assert.deepEqual(Array.from({ length: columns.n }, (_, i) => columns.text(i)), ['Lisbon', 'Ilse Marrow', 'Ms Marrow', 'Tomas Fell']);
    assert.deepEqual([article.text, article.table === table, record.meta.articleDate.value], [TEXT, true, '2024-03-05']);
  });

  it('fingerprints a text by FNV-1a over its UTF-16 units and its length, unless a hash is given', () => {
    assert.equal(hashText(''), 'h811c9dc5:0');
    assert.equal(hashText('a'), 'he40c292c:1');
    assert.notEqual(hashText('ab'), hashText('ba'));
    assert.equal(hashText('é').endsWith(':1'), true);
    assert.equal(packArticle(new ValueTable(), TEXT, analysis()).hash, hashText(TEXT));
    assert.equal(packArticle(new ValueTable(), TEXT, analysis(), 'given').hash, 'given');
  });

  it('stores, replaces and deletes records by uri, and gives each mention as an occurrence', () => {
    const table = new ValueTable();
    const store = new ArticleStore(table);
    const article = packArticle(table, TEXT, analysis());
    const record = store.set('file:///a.txt', article, article.packed);
    assert.deepEqual([store.size, [...store.uris()], store.get('file:///a.txt') === record, [...store.records()].length], [1, ['file:///a.txt'], true, 1]);
    assert.deepEqual(store.occurrence(record, 2), { uri: 'file:///a.txt', ...at('Ms Marrow'), text: 'Ms Marrow', fullName: false, role: 'minister', demonym: undefined });
    assert.ok('role' in store.occurrence(record, 0) && 'demonym' in store.occurrence(record, 0), 'the same shape as mention objects');
    const again = store.set('file:///a.txt', article, article.packed);
    assert.deepEqual([store.size, store.get('file:///a.txt') === again], [1, true]);
    assert.equal(store.delete('file:///a.txt'), again);
    assert.equal(store.delete('file:///a.txt'), undefined);
    assert.equal(store.size, 0);
  });

  it('gives the cells of the keys it has seen, and none for a key nobody has', () => {
    const table = new ValueTable();
    const store = new ArticleStore(table);
    packArticle(table, TEXT, analysis());
    const cells = store.keyCells(['person:tomas fell', 'person:nobody', 'place:lisbon']);
    assert.deepEqual([...cells].map((c) => table.valueOf(c)), ['person:tomas fell', 'place:lisbon']);
    assert.equal(store.keyCells(['person:nobody']).size, 0);
  });
});

describe('the dashboard pacer', () => {
  /** A token that counts how often it is looked at, raised from the start or never. */
  const counting = (raised: boolean) => {
    const token = {
      looks: 0,
      get isCancellationRequested() {
        token.looks++;
        return raised;
      },
    };
    return token;
  };

  it('looks at the token every 256 steps once its slice of time is over, and stops a cancelled scan', async () => {
    const token = counting(true);
    const pacer = new Pacer(token, 0);
    for (let i = 0; i < 255; i++) await pacer.step();
    assert.equal(token.looks, 0);
    await assert.rejects(pacer.step(), (error: unknown) => error instanceof Cancelled && error.message === 'cancelled');
    assert.equal(token.looks, 1);
  });

  it('does not look while its slice of time lasts', async () => {
    const token = counting(true);
    const pacer = new Pacer(token, 60_000);
    for (let i = 0; i < 1024; i++) await pacer.step();
    assert.equal(token.looks, 0);
  });

  it('begins with one turn of the event loop, then a look', async () => {
    const token = counting(false);
    const pacer = new Pacer(token, 0);
    let turned = false;
    setImmediate(() => (turned = true));
    await pacer.begin();
    assert.deepEqual([turned, token.looks], [true, 1]);
    for (let i = 0; i < 512; i++) await pacer.step();
    assert.equal(token.looks, 3);
    await assert.rejects(new Pacer(counting(true), 0).begin(), Cancelled);
    assert.equal(new Pacer().token.isCancellationRequested, false);
  });
});
