import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findNames } from '../../server/src/analysis/names';
import { isRoleOnly } from '../../server/src/analysis/names/roles';
import type { EntityMention } from '../../server/src/analysis/types';

// Names given the wrong kind (a role, a region, a demonym, a ministry, a building), each tested as
// a class on sample articles written for these tests (the people, countries and places are made up
// or used only as examples).

function describe(found: EntityMention[]): string {
  return found.map((f) => `"${f.text}"@${f.start}:${f.kind}`).join(', ');
}

/** The offset of the nth occurrence of `text` in `article`. */
function at(article: string, text: string, nth = 0): number {
  let i = -1;
  for (let n = 0; n <= nth; n++) i = article.indexOf(text, i + 1);
  assert.ok(i >= 0, `fixture does not contain ${text}`);
  return i;
}

function expectMention(article: string, found: EntityMention[], text: string, kind: EntityMention['kind'], nth = 0): void {
  const start = at(article, text, nth);
  const m = found.find((f) => f.start === start && f.end === start + text.length);
  assert.ok(m, `no mention "${text}" at ${start}; found ${describe(found)}`);
  assert.equal(m.kind, kind, `kind of "${text}"`);
}

function expectNothingOver(article: string, found: EntityMention[], text: string, nth = 0): void {
  const start = at(article, text, nth);
  const hits = found.filter((f) => f.start < start + text.length && f.end > start);
  assert.deepEqual(hits.map((h) => `${h.text}:${h.kind}`), [], `"${text}" should be in no name`);
}

test('a title or role with no holder named is no name, alone or after an organization', () => {
  const article =
    'Ostmark talks resume\n\n' +
    'Speaking on Monday, the Ostmark Defence Ministry Press Secretary said talks would resume. ' +
    'The Pentagon Press Secretary also mentioned the talks, and the Spokesperson declined to comment. ' +
    'Later the Foreign Minister met the Secretary of State, and the Chief Executive of Harlow Mills spoke. ' +
    'Press Secretary Jen Alder said the next round would be in Geneva.';
  const found = findNames(article, {});
  for (const role of ['Press Secretary', 'Spokesperson', 'Foreign Minister', 'Secretary of State', 'Chief Executive']) {
    for (let nth = 0; nth < (role === 'Press Secretary' ? 2 : 1); nth++) expectNothingOver(article, found, role, nth);
  }
  expectMention(article, found, 'Ostmark Defence Ministry', 'org');
  expectMention(article, found, 'Pentagon', 'org');
  expectMention(article, found, 'Jen Alder', 'person');
  // Words that are titles but also name parties, papers or people stand alone; a name with a holder stands.
  assert.equal(isRoleOnly(['Labour']), false);
  assert.equal(isRoleOnly(['Star']), false);
  assert.equal(isRoleOnly(['Secretary', 'Alder']), false);
  assert.equal(isRoleOnly(['Labour', 'Leader']), false);
  assert.equal(isRoleOnly(['Deputy', 'Prime', 'Minister']), true);
  assert.equal(isRoleOnly(['Attorney', 'General']), true);
  assert.equal(isRoleOnly([]), false);
});

test('continents and world regions are places, also in a diplomatic title', () => {
  const article =
    'Envoy tours the region\n\n' +
    'On Tuesday, Hana Orlov, Assistant Secretary of State for Europe and Eurasia, said the talks would go on. ' +
    'She will travel on to Central Asia and the Sahel next month.';
  const found = findNames(article, {});
  expectMention(article, found, 'Eurasia', 'place');
  expectMention(article, found, 'Europe', 'place');
  expectMention(article, found, 'Central Asia', 'place');
  expectMention(article, found, 'Sahel', 'place');
  expectMention(article, found, 'Hana Orlov', 'person');
});

test('a demonym alone is an adjective of its place, not an organization or a person', () => {
  const article =
    'Border dispute\n\n' +
    'The European Union accused the governor of using migrants to pressure the European bloc. ' +
    'Ukrainian officials and Polish farmers said the border was closed.';
  const found = findNames(article, {});
  expectMention(article, found, 'European Union', 'org');
  for (const [word, nth] of [['European', 1], ['Ukrainian', 0], ['Polish', 0]] as const) {
    const start = at(article, word, nth);
    const hit = found.find((f) => f.start < start + word.length && f.end > start);
    // A demonym may be a mention of its place; never an organization or a person.
    if (hit) assert.equal(hit.kind, 'place', `"${word}" is ${hit.kind}: ${describe(found)}`);
  }
  const european = found.find((f) => f.start === at(article, 'European', 1));
  assert.ok(european, `"European" is a mention of Europe: ${describe(found)}`);
  assert.equal(european.key, 'place:europe');
});

test('an organization head word after a country keeps the organization ("US Department of State")', () => {
  const article =
    'Shipments approved\n\n' +
    'Officials from the US Department of State told reporters that the shipment was approved. ' +
    'The Merovian Ministry of Trade said it had not been told, and the UK Department for Transport declined to comment. ' +
    'The US State Department later confirmed the date.';
  const found = findNames(article, {});
  expectMention(article, found, 'US Department of State', 'org');
  expectMention(article, found, 'Merovian Ministry of Trade', 'org');
  expectMention(article, found, 'US State Department', 'org');
});

test('a building or monument is a place, not an organization', () => {
  const article =
    'Guards change\n\n' +
    'Police officers in masks walked past the Spasskaya Tower of the Kremlin in Moscow on Friday. ' +
    'Crowds gathered outside the Winter Palace, and others visited the Temple of Heaven. ' +
    'The Kremlin said nothing. Shirley Temple films were shown at the festival.';
  const found = findNames(article, {});
  expectMention(article, found, 'Spasskaya Tower of the Kremlin', 'place');
  expectMention(article, found, 'Winter Palace', 'place');
  expectMention(article, found, 'Temple of Heaven', 'place');
  expectMention(article, found, 'Kremlin', 'org', 1);
  // A given name before the building word makes a person, not a building.
  expectMention(article, found, 'Shirley Temple', 'person');
});
