import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleAnalysis } from '../../server/src/analysis/types';
import { column, DATES, E_KEY, ENTITIES, EntityColumns, FIGURES, F_MEASURE, indexAt, pack, unpack, unpackOne } from '../../server/src/corpus/packed';
import { ValueTable } from '../../server/src/corpus/valueTable';

// An invented article, its mentions written by hand: a name in capitals (its canonical form
// differs only in case), a demonym, a date and two figures.
const TEXT = 'ILSE MARROW met Norwegian crews on Tuesday; 40 ships and 3 tugs left.';
const at = (s: string) => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length] as const;
const ANALYSIS: ArticleAnalysis = {
  articleDate: { value: '2024-03-05', source: 'date-line' },
  entities: [
    { kind: 'person', key: 'person:ilse marrow', text: 'ILSE MARROW', canonical: 'Ilse Marrow', surname: 'marrow', start: 0, end: 11, fullName: true, role: 'union leader', rule: 'test' },
    { kind: 'place', key: 'place:norway', text: 'Norwegian', canonical: 'Norway', start: at('Norwegian')[0], end: at('Norwegian')[1], fullName: false, rule: 'demonym', demonym: true },
  ],
  dates: [{ kind: 'date', type: 'DATE', start: at('Tuesday')[0], end: at('Tuesday')[1], text: 'Tuesday', value: '2024-03-05', relative: true, reading: 'weekday' }],
  figures: [
    { kind: 'figure', type: 'QUANTITY', start: at('40')[0], end: at('40')[1], text: '40', value: 40, counted: 'ships', measure: 'ships' },
    { kind: 'figure', type: 'QUANTITY', start: at('3 ')[0], end: at('3 ')[0] + 1, text: '3', value: 3, counted: 'tugs', measure: 'tugs' },
  ],
  problems: [],
};

describe('entity columns', () => {
  const table = new ValueTable();
  const packed = pack(table, ANALYSIS);
  const columns = new EntityColumns(table, packed, TEXT);

  it('read each field of each entity mention straight from the columns', () => {
    assert.equal(columns.n, 2);
    assert.deepEqual([columns.start(0), columns.end(0), columns.key(0), columns.kind(0), columns.text(0), columns.canonical(0), columns.surname(0), columns.role(0), columns.rule(0)], [0, 11, 'person:ilse marrow', 'person', 'ILSE MARROW', 'Ilse Marrow', 'marrow', 'union leader', 'test']);
    assert.deepEqual([columns.fullName(0), columns.demonym(0), columns.demonymField(0)], [true, false, undefined]);
    assert.deepEqual([columns.key(1), columns.kind(1), columns.text(1), columns.surname(1), columns.role(1), columns.fullName(1), columns.demonym(1), columns.demonymField(1)], ['place:norway', 'place', 'Norwegian', undefined, undefined, false, true, true]);
    assert.equal(table.valueOf(columns.cell(E_KEY, 1)), 'place:norway');
  });

  it('spell a mention as its canonical name only when the text is exactly that name', () => {
    // Same length as "Ilse Marrow", but in capitals: the text as written.
    assert.equal(columns.spelling(0), 'ILSE MARROW');
    const plain = 'Ilse Marrow spoke.';
    const same = new EntityColumns(table, pack(table, { ...ANALYSIS, entities: [{ ...ANALYSIS.entities[0], text: 'Ilse Marrow' }], dates: [], figures: [] }), plain);
    assert.equal(same.spelling(0), 'Ilse Marrow');
    assert.equal(columns.spelling(1), 'Norwegian');
    // Longer than the name it starts with: the text as written.
    const possessive = "Lisbon's port";
    const longer = new EntityColumns(table, pack(table, { ...ANALYSIS, entities: [{ kind: 'place', key: 'place:lisbon', text: "Lisbon's", canonical: 'Lisbon', start: 0, end: 8, fullName: false, rule: 'test' }], dates: [], figures: [] }), possessive);
    assert.equal(longer.spelling(0), "Lisbon's");
  });
});

describe('packed lists', () => {
  const table = new ValueTable();
  const packed = pack(table, ANALYSIS);

  it('find the mention holding an offset, both ends included, and none between, before or after', () => {
    const [ships, shipsEnd] = at('40');
    assert.equal(indexAt(packed, FIGURES, ships), 0);
    assert.equal(indexAt(packed, FIGURES, shipsEnd), 0);
    assert.equal(indexAt(packed, FIGURES, ships - 1), -1);
    assert.equal(indexAt(packed, FIGURES, shipsEnd + 1), -1);
    assert.equal(indexAt(packed, FIGURES, at('3 ')[0]), 1);
    assert.equal(indexAt(packed, FIGURES, TEXT.length), -1);
    assert.equal(indexAt(packed, ENTITIES, 0), 0);
    assert.equal(indexAt(packed, ENTITIES, 5), 0);
    assert.equal(indexAt(packed, ENTITIES, 11), 0);
    assert.equal(indexAt(packed, ENTITIES, 12), -1);
    assert.equal(indexAt(packed, ENTITIES, at('Norwegian')[1]), 1);
    assert.equal(indexAt(packed, DATES, at('Tuesday')[0] + 3), 0);
    const empty = pack(table, { ...ANALYSIS, entities: [], dates: [], figures: [] });
    assert.equal(indexAt(empty, ENTITIES, 0), -1);
  });

  it('give a column of one field of one list, and any mention back as the engine made it', () => {
    const measures = column(packed, FIGURES, F_MEASURE);
    assert.equal(measures.n, 2);
    assert.deepEqual([table.valueOf(measures.cells[measures.at]), table.valueOf(measures.cells[measures.at + 1])], ['ships', 'tugs']);
    assert.deepEqual(unpackOne(table, packed, DATES, 0, TEXT), ANALYSIS.dates[0]);
    assert.deepEqual(unpackOne(table, packed, FIGURES, 1, TEXT), ANALYSIS.figures[1]);
    assert.deepEqual(unpackOne(table, packed, ENTITIES, 1, TEXT), ANALYSIS.entities[1]);
    assert.deepEqual(unpack(table, packed, TEXT), ANALYSIS);
    assert.deepEqual(packed.counts, [2, 1, 2]);
  });
});
