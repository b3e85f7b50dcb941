import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from '../../server/src/analysis/types';
import { NO_CORRECTIONS, correctEntities, type AppliedCorrections } from '../../server/src/corpus/applyCorrections';
import { ENTITIES, pack, unpackList } from '../../server/src/corpus/packed';
import { ValueTable } from '../../server/src/corpus/valueTable';
import { article } from '../support/handArticles';

// An invented article: a full name, a surname, a place, and a date that corrections never touch.
const { text, analysis } = article(
  '2024-03-05',
  { text: 'Tomas Brack', key: 'person:tomas brack', full: true },
  { text: 'Mr Brack', key: 'person:~brack' },
  { text: 'Kestrel Bay', key: 'place:kestrel bay', kind: 'place', full: true },
  { text: 'Tuesday', date: '2024-03-05', relative: true },
);
const table = new ValueTable();
const packed = pack(table, analysis);

function corrections(patch: Partial<AppliedCorrections>): AppliedCorrections {
  return { merges: [], noJoin: new Set(), splitIn: new Map(), notEntity: new Set(), ...patch };
}

function entities(uri: string, applied: AppliedCorrections): [string, string, string][] {
  const corrected = correctEntities(table, applied, uri, packed, text);
  return unpackList<EntityMention>(table, corrected, ENTITIES, text).map((m) => [m.text, m.key, m.rule]);
}

describe('corrections applied to an article', () => {
  it('leave an article nothing applies to as it was, the very same columns', () => {
    assert.equal(correctEntities(table, NO_CORRECTIONS, 'file:///a.txt', packed, text), packed);
    const elsewhere = corrections({ notEntity: new Set(['nobody']), splitIn: new Map([['file:///other.txt', new Set(['person:~brack'])]]) });
    assert.equal(correctEntities(table, elsewhere, 'file:///a.txt', packed, text), packed);
  });

  it('drop mentions whose spelling, canonical name or key is not an entity, whatever their case', () => {
    assert.deepEqual(entities('file:///a.txt', corrections({ notEntity: new Set(['tomas brack']) })).map(([t]) => t), ['Mr Brack', 'Kestrel Bay']);
    assert.deepEqual(entities('file:///a.txt', corrections({ notEntity: new Set(['brack']) })).map(([t]) => t), ['Tomas Brack', 'Kestrel Bay'], 'Mr Brack by its canonical name');
    assert.deepEqual(entities('file:///a.txt', corrections({ notEntity: new Set(['mr brack']) })).map(([t]) => t), ['Tomas Brack', 'Kestrel Bay'], 'Mr Brack by its spelling');
    assert.deepEqual(entities('file:///a.txt', corrections({ notEntity: new Set(['place:kestrel bay']) })).map(([t]) => t), ['Tomas Brack', 'Mr Brack']);
  });

  it('key a split key apart in its article only, saying why, and keep the other columns', () => {
    const applied = corrections({ splitIn: new Map([['file:///a.txt', new Set(['person:~brack'])]]) });
    assert.deepEqual(entities('file:///a.txt', applied), [
      ['Tomas Brack', 'person:tomas brack', 'test'],
      ['Mr Brack', 'person:~brack@file:///a.txt', 'test, split by correction'],
      ['Kestrel Bay', 'place:kestrel bay', 'test'],
    ]);
    assert.deepEqual(entities('file:///b.txt', applied).map(([, key]) => key), ['person:tomas brack', 'person:~brack', 'place:kestrel bay']);
    const corrected = correctEntities(table, applied, 'file:///a.txt', packed, text);
    assert.deepEqual([corrected.counts, corrected.meta], [[3, 0, 0], packed.meta], 'entity columns only, the meta kept');
  });
});
