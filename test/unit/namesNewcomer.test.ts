import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findNames } from '../../server/src/analysis/names';
import { titleBreaks } from '../../server/src/analysis/tagger/segments';
import { tokenize } from '../../server/src/analysis/tagger/tokenize';
import type { EntityMention } from '../../server/src/analysis/types';

// Name errors a newcomer sees at once on real news, each tested as a class on sample articles
// written for these tests (the people, firms and places in them are made up).

/** The mentions found, as "text:kind" at their offsets, for readable failures. */
function describe(found: EntityMention[]): string {
  return found.map((f) => `"${f.text}"@${f.start}:${f.kind}`).join(', ');
}

/** Asserts a mention of `kind` exactly over the nth occurrence of `text`. */
function expectMention(article: string, found: EntityMention[], text: string, kind: EntityMention['kind'], nth = 0): void {
  let at = -1;
  for (let n = 0; n <= nth; n++) at = article.indexOf(text, at + 1);
  assert.ok(at >= 0, `fixture does not contain ${text}`);
  const m = found.find((f) => f.start === at && f.end === at + text.length);
  assert.ok(m, `no mention "${text}" at ${at}; found ${describe(found)}`);
  assert.equal(m.kind, kind, `kind of "${text}"`);
}

/** Asserts that no mention covers any character of the nth occurrence of `text`. */
function expectNothingOver(article: string, found: EntityMention[], text: string, nth = 0): void {
  let at = -1;
  for (let n = 0; n <= nth; n++) at = article.indexOf(text, at + 1);
  assert.ok(at >= 0, `fixture does not contain ${text}`);
  const hits = found.filter((f) => f.start < at + text.length && f.end > at);
  assert.deepEqual(hits.map((h) => `${h.text}:${h.kind}`), [], `"${text}" should be in no name`);
}

test('a capitalised function word of a title-case headline ends a name, wherever the headline stands', () => {
  // The headline is not the first line (a site menu is), and the body names the person.
  const article =
    'Home | World | Business\n\nAcademy Taps Corin Maddox As Oscar Host\n\nThe academy said on Tuesday that Corin Maddox would host the ceremony. Maddox, a comedian, hosted it once before.';
  const found = findNames(article);
  expectMention(article, found, 'Corin Maddox', 'person', 0);
  expectNothingOver(article, found, 'As Oscar Host');
  expectMention(article, found, 'Corin Maddox', 'person', 1);
});

test('headlines listed under the body keep only the names the body supports', () => {
  const article =
    'Port strike ends\n\nWorkers returned to the docks in Veltmoor on Monday, and Ada Harlan thanked them.\n\nRelated:\nHarlan Administration To Exert Pressure On Merovia\nCorin Maddox Wins Award For Best Comedy\n';
  const found = findNames(article);
  expectMention(article, found, 'Ada Harlan', 'person');
  // Nothing in the related headlines is named in the body but Harlan, and no name crosses "To" or "For".
  for (const words of ['Administration To Exert Pressure', 'Corin Maddox Wins Award For Best Comedy']) expectNothingOver(article, found, words);
  assert.ok(!found.some((f) => / (?:To|For|On) /.test(f.text)), `a name crosses a function word: ${describe(found)}`);
});

test('titleBreaks: capitalised function words between name-shaped words of title-case and shouted lines, unless the body or a known name holds them', () => {
  const breaksOf = (text: string): string[] => {
    const tokens = tokenize(text);
    const breaks = titleBreaks(tokens);
    const out: string[] = [];
    for (let i = 0; i < tokens.count; i++) if (breaks?.[i]) out.push(`${text.slice(tokens.start[i], tokens.end[i])}@${tokens.start[i]}`);
    return out;
  };
  /** The word as breaksOf reports it, at its first occurrence between spaces. */
  const at = (text: string, word: string): string => `${word}@${text.indexOf(` ${word} `) + 1}`;
  const menu = 'Menu\n\nAcademy Taps Corin Maddox As Oscar Host\n\nThe academy said so.';
  assert.deepEqual(breaksOf(menu), [at(menu, 'As')]);
  const shouted = 'JAPAN GET LUCKY WIN , MEROVIA IN SURPRISE DEFEAT\n\nMerovia lost on Sunday.';
  assert.deepEqual(breaksOf(shouted), [at(shouted, 'IN')]);
  // The body writes "Office for Budget Review" with its "for": the headline's "For" stays inside the name.
  const office = 'Office For Budget Review Warns On Debt\n\nThe Office for Budget Review said debt would rise.';
  assert.deepEqual(breaksOf(office), [at(office, 'On')]);
  // A known place holds its "and" ("Trinidad and Tobago"); headline verbs ("Hits") break too.
  const storm = 'Storm Hits Trinidad And Tobago As Rain Falls\n\nRain fell.';
  assert.deepEqual(breaksOf(storm), [at(storm, 'Hits'), at(storm, 'As')]);
  // An ordinary sentence has no breaks, and a lower-case "as" is no break either.
  assert.equal(breaksOf('Corin Maddox spoke As well as anyone, the academy said of the host.').length, 0);
  assert.equal(titleBreaks(tokenize('')), undefined);
});

test('an everyday word opening a sentence before the word it qualifies is no name, though a name list holds it', () => {
  const article =
    'Strike in Brannock\n\nFerry crews in Brannock stopped work on Monday. Rice prices rose in the town market. Bush fires burned on the hills nearby. Marta Velloso, who leads the union, said talks had failed.';
  const found = findNames(article);
  for (const word of ['Ferry crews', 'Rice prices', 'Bush fires']) expectNothingOver(article, found, word);
  expectMention(article, found, 'Brannock', 'place', 1);
  expectMention(article, found, 'Marta Velloso', 'person');
});

test('the same words stay names where the article shows them as names', () => {
  // "Ferry" is capitalised mid-sentence ("Paul Ferry"), and "Frank said" has a verb after the name.
  const article =
    'Dravo names chief\n\nDravo Mining named Paul Ferry its chief executive on Monday. Ferry shares the board\'s view, the company said. Ada Frank, the chair, welcomed him. Frank said the search took a year.';
  const found = findNames(article);
  expectMention(article, found, 'Paul Ferry', 'person');
  expectMention(article, found, 'Ferry', 'person', 1);
  expectMention(article, found, 'Frank', 'person', 1);
});

test('an award named like a person is not a person: "Primetime Emmy", "the Emmys", "Oscar-winning"', () => {
  const article =
    'Awards night\n\nShe won a Primetime Emmy last year, and two Daytime Emmys before that. Her Emmy nomination came in May. The Oscar-winning director Lena Marsh will host the Grammys. Emmy Rossum and Tony Blair attended. Oscar said he was pleased.';
  const found = findNames(article);
  for (const award of ['Primetime Emmy', 'Daytime Emmys', 'Emmy nomination', 'Oscar-winning', 'Grammys']) expectNothingOver(article, found, award);
  // People whose names an award shares stay people.
  expectMention(article, found, 'Lena Marsh', 'person');
  expectMention(article, found, 'Emmy Rossum', 'person');
  expectMention(article, found, 'Tony Blair', 'person');
  expectMention(article, found, 'Oscar', 'person', 1);
});
