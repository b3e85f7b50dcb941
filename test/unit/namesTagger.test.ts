import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findNames } from '../../server/src/analysis/names';
import { shippedTagger } from '../../server/src/analysis/tagger/tagger';
import type { EntityMention } from '../../server/src/analysis/types';

// The names stage with the shipped tagger, on sample articles written for these tests (the
// people, firms and places in them are made up unless the case is about a well-known name).

/** The mention found exactly at the nth occurrence of `text`, or undefined. */
function mentionAt(found: EntityMention[], article: string, text: string, nth = 0): EntityMention | undefined {
  let at = -1;
  for (let n = 0; n <= nth; n++) at = article.indexOf(text, at + 1);
  assert.ok(at >= 0, `fixture does not contain ${text}`);
  return found.find((m) => m.start === at && m.end === at + text.length);
}

function expectKind(article: string, cases: Array<[text: string, kind: EntityMention['kind'], nth?: number]>): EntityMention[] {
  const found = findNames(article);
  for (const [text, kind, nth] of cases) {
    const m = mentionAt(found, article, text, nth);
    assert.ok(m, `no mention "${text}"; found ${found.map((f) => `"${f.text}":${f.kind}`).join(', ')}`);
    assert.equal(m.kind, kind, `kind of "${text}"`);
  }
  return found;
}

function expectNoName(found: EntityMention[], words: string[]): void {
  for (const word of words) {
    const hits = found.filter((f) => !f.demonym && f.text.split(/\s+/).includes(word));
    assert.deepEqual(hits.map((h) => `${h.text}:${h.kind}`), [], `"${word}" should not be in a name`);
  }
}

test('the shipped tagger loads', () => {
  assert.ok(shippedTagger(), 'server/src/analysis/tagger/weights.ts holds no readable model');
});

test('companies and stock indices whose words read like people are organizations', () => {
  const article =
    'Defence shares climb\nShares of Northrop Grumman and McDonnell Douglas rose on Tuesday, while the Dow Jones Industrial Average fell 1% and the Hang Seng gained 0.4%. Analysts at Morgan Stanley expect more orders.';
  const found = expectKind(article, [
    ['Northrop Grumman', 'org'],
    ['McDonnell Douglas', 'org'],
    ['Morgan Stanley', 'org'],
  ]);
  // An index is not a person, whatever it is called.
  for (const index of ['Dow Jones Industrial Average', 'Hang Seng']) {
    assert.ok(!found.some((m) => m.kind === 'person' && index.includes(m.text)), `${index} typed as a person`);
  }
});

test('a photo credit names an agency, not a person', () => {
  const article = 'Flood waters recede\nResidents returned to their homes in Veltmoor on Sunday as the water fell.\nPhoto: Getty Images\nThe town council said repairs would take months.';
  expectKind(article, [['Getty Images', 'org']]);
});

test('a leader named by surname after a description is a person, not an organization', () => {
  const article =
    'Talks stall\nForeign Secretary Dominic Raab met his counterparts in Geneva. Raab reveals few details. Meanwhile dictator Lukashenko said on Monday that his army was ready, and Lukashenko repeated it on Tuesday.';
  expectKind(article, [
    ['Dominic Raab', 'person'],
    ['Raab', 'person', 1],
    ['Lukashenko', 'person'],
    ['Lukashenko', 'person', 1],
  ]);
});

test('a title-case headline gives only the names the body supports', () => {
  const article =
    'Merovian Administration To Exert Pressure on Russia Amid the Escalating Tension of Invasion in Ukraine\n\nThe government of Merovia is scrambling to exert pressure on Russia, officials said on Monday, as tension rises over a possible invasion of Ukraine.';
  const found = expectKind(article, [
    ['Russia', 'place'],
    ['Ukraine', 'place'],
  ]);
  expectNoName(found, ['Exert', 'Pressure', 'Escalating', 'Tension', 'Invasion', 'Amid']);
});

test('"the X administration" and "X\'s government" link the surname to the person', () => {
  const article =
    'Harlan Administration Weighs Sanctions\n\nPresident Tomas Harlan spoke on Monday. The Harlan administration is weighing sanctions, and Harlan\'s government will decide this week. Critics of Vesna Korda\'s government disagreed; Korda said little.';
  const found = expectKind(article, [
    ['Harlan', 'person', 2],
    ['Harlan', 'person', 3],
    ['Korda', 'person', 1],
  ]);
  assert.equal(mentionAt(found, article, 'Harlan', 2)?.key, 'person:tomas harlan');
  assert.equal(mentionAt(found, article, 'Harlan', 3)?.key, 'person:tomas harlan');
  // The headline's "Harlan Administration" yields the person, and no organization "Administration".
  const head = mentionAt(found, article, 'Harlan');
  assert.equal(head?.kind, 'person');
  assert.equal(head?.key, 'person:tomas harlan');
  expectNoName(found, ['Administration']);
});

test('a name keeps one type in an article, and a word named elsewhere is found at a sentence start', () => {
  const article =
    'Chipmaker results\nInvestors cheered as Dresmont Systems reported record sales on Tuesday. Analysts said Dresmont had gained share.\nDresmont shares rose 6%. Founder Aleksy Varnek thanked staff. Varnek said the company would hire.';
  const found = expectKind(article, [
    ['Dresmont Systems', 'org'],
    ['Dresmont', 'org', 1],
    ['Dresmont', 'org', 2],
    ['Aleksy Varnek', 'person'],
    ['Varnek', 'person', 1],
  ]);
  assert.equal(mentionAt(found, article, 'Dresmont', 2)?.key, mentionAt(found, article, 'Dresmont', 1)?.key);
});

test("a person's surname alone is that person unless the article reads it otherwise", () => {
  // "Marsh" at a sentence start is only guessed an organization (a word, a surname list): the
  // full name "Alan Marsh" before it decides. "Marsh shares fell" is read from its context and stays.
  const sports =
    "SOCCER - MARSH SOAKED AFTER TRAINING JOKE .\nTIRASPOL 1996-09-02\nStriker Dean Kettleby scored twice on Monday and then emptied a bucket of water over his team mate Alan Marsh in front of the fans .\nMarsh was walking off the pitch at the end of a wet session when the prank came .\nKettleby declined to comment .";
  const found = expectKind(sports, [
    ['Alan Marsh', 'person'],
    ['Marsh', 'person', 1],
  ]);
  assert.equal(mentionAt(found, sports, 'Marsh', 1)?.key, mentionAt(found, sports, 'Alan Marsh')?.key);
  expectKind('Retailer founder steps back\nLONDON 1996-09-02\nFounder Alan Marsh will leave the board of the retailer next month , the company said on Monday .\nMarsh shares fell 4 percent after the news .', [
    ['Alan Marsh', 'person'],
    ['Marsh', 'org', 1],
  ]);
});

test('an all-caps dateline joins the title-case mentions of the same place', () => {
  const article = 'Port reopens after strike\nLANTRY, Merovia — Dock workers in Lantry returned on Monday after a week-long strike. Ships queued outside Lantry harbour.';
  const found = expectKind(article, [
    ['LANTRY', 'place'],
    ['Lantry', 'place', 0],
  ]);
  const dateline = mentionAt(found, article, 'LANTRY');
  const body = mentionAt(found, article, 'Lantry');
  assert.equal(body?.key, dateline?.key);
});

test('an article in another language gets no invented names', () => {
  for (const article of [
    'Neue Gespräche in Berlin\nDie Bundesregierung hat am Montag beschlossen, dass die Steuern nicht erhöht werden. Der Kanzler sagte, das sei richtig und die Wirtschaft sei stabil.',
    'Переговоры продолжаются\nПрезидент Иван Петров заявил в понедельник, что Министерство обороны готово к переговорам.',
    'Le gouvernement annonce une réforme\nLe président a annoncé mardi que le gouvernement allait présenter une réforme des retraites dans les prochaines semaines.',
  ]) {
    assert.deepEqual(findNames(article).map((m) => m.text), [], article.slice(0, 30));
  }
});

test('in an English article a name in another script is left out, not typed', () => {
  const article = 'Kremlin talks\nThe talks in Moscow, reported by the newspaper Известия, ended on Friday. Officials in Moscow said more meetings would follow.';
  const found = findNames(article);
  assert.ok(found.some((m) => m.text === 'Moscow' && m.kind === 'place'));
  assert.deepEqual(found.filter((m) => /[\u0400-\u04ff]/.test(m.text)).map((m) => m.text), []);
});

test('odd input: empty, huge runs of capitals and object-key words', () => {
  assert.deepEqual(findNames(''), []);
  const keys = 'Constructor Prototype\nThe constructor of Hasown Toolkit met Valueof Partners. 3 constructor __proto__ toString.';
  assert.doesNotThrow(() => findNames(keys));
  const run = 'Aaron Bexley '.repeat(3000);
  const found = findNames(run);
  assert.ok(found.every((m) => m.text.split(/\s+/).length <= 8), 'a name of more than eight words');
});
