import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findNames } from '../../server/src/analysis/names';
import type { EntityMention } from '../../server/src/analysis/types';

// Teams read from the shape of sports results (names/rules/sportsTables.ts) and from what is said
// about them (names/rules/teams.ts). The articles are samples written for these tests; the teams
// are made up or named after real towns, as teams are.

/** Each [text, kind, nth] must be a mention of that kind at the nth occurrence of text; kind null: no name there. */
function expectKinds(article: string, cases: Array<[text: string, kind: EntityMention['kind'] | null, nth?: number]>): void {
  const found = findNames(article);
  for (const [text, kind, nth] of cases) {
    let at = -1;
    for (let n = 0; n <= (nth ?? 0); n++) at = article.indexOf(text, at + 1);
    assert.ok(at >= 0, `fixture does not contain ${text}`);
    const m = found.find((f) => f.start === at && f.end === at + text.length);
    const seen = found.map((f) => `"${f.text}"@${f.start}:${f.kind}`).join(', ');
    if (kind === null) {
      assert.ok(!found.some((f) => f.start < at + text.length && at < f.end && !f.demonym), `"${text}" should not be named; found ${seen}`);
    } else {
      assert.ok(m, `no mention "${text}" at ${at}; found ${seen}`);
      assert.equal(m.kind, kind, `kind of "${text}"`);
    }
  }
}

test('results lines and table rows name teams, even towns and common words; countries and datelines stay places', () => {
  const article = [
    'SOCCER - NORTHERN LEAGUE RESULTS',
    'LEEDS 1996-09-07',
    'Results of Northern League matches played on Saturday :',
    'Kestrel Rovers 3 Bath 1 ( halftime 2-0 )',
    'Sale 2 Pellingham Athletic 2',
    'Scotland 1 Moravia 0',
    'Halftime 1-0 .',
    'Standings ( tabulate under played , won , drawn , lost , goals for , against , points ) :',
    'Kestrel Rovers 5 4 1 0 12 3 13',
    'Leeds 5 3 1 1 9 6 10',
    'Vardo ( N ) 5 1 2 2 4 7 5',
    'Postponed : Halden Town v Marlow',
  ].join('\n');
  expectKinds(article, [
    ['LEEDS', 'place'],
    ['Kestrel Rovers', 'org'],
    ['Bath', 'org'],
    ['Sale', 'org'],
    ['Pellingham Athletic', 'org'],
    ['Scotland', 'place'],
    ['Kestrel Rovers', 'org', 1],
    ['Leeds', 'org'],
    ['Vardo', 'org'],
    ['Halden Town', 'org'],
    ['Marlow', 'org'],
    ['Halftime', null],
  ]);
});

test('a cricket scorecard names its teams; batsmen and bowlers in brackets and bowling figures stay people', () => {
  const article = [
    'CRICKET - COUNTY CHAMPIONSHIP SCORES',
    'LONDON 1996-09-07',
    'Close of play scores in the four-day county championship matches on Saturday :',
    'Kestrelshire 296 ( P. Tallis 84 , R. Okafor 61 ; D. Marsh 4-38 ) , Wendover 174-6 .',
    'Wendover 22 points , Kestrelshire 4 .',
    'Bowling : Marsh 8-0-39-3 , Okafor 6-0-30-1 .',
  ].join('\n');
  expectKinds(article, [
    ['Kestrelshire', 'org'],
    ['Wendover', 'org'],
    ['Wendover', 'org', 1],
    ['Kestrelshire', 'org', 1],
    ['P. Tallis', 'person'],
    ['D. Marsh', 'person'],
  ]);
  const found = findNames(article);
  const marsh = article.indexOf('Marsh 8-0');
  assert.ok(!found.some((m) => m.start === marsh && m.kind === 'org'), 'bowling figures are not a team score');
});

test('a leaderboard of people stays people', () => {
  expectKinds(
    'GOLF - LEADING SCORES AT THE NORTHERN OPEN\nHALDEN , Scotland 1996-09-07\nLeading scores after the second round of the Northern Open on Saturday :\nErnie Tallis 67 69\nColin Marsh 68 70\n',
    [
      ['Ernie Tallis', 'person'],
      ['Colin Marsh', 'person'],
    ],
  );
});

test('a town is a team where the article says what belongs to a team or what it did in the match', () => {
  const article =
    'CRICKET - SURREY CLOSE IN ON TITLE\nLONDON 1996-09-07\n' +
    'Surrey captain Adam Holloway hit a century as Surrey beat Kent by an innings at the Oval to close in on the county championship title .\n' +
    'The former Blackburn and Southampton skipper will join Leeds next season , his agent said .\n' +
    'Kent batted again after lunch and collapsed to 120 all out in Canterbury .';
  expectKinds(article, [
    ['Surrey', 'org'],
    ['Adam Holloway', 'person'],
    ['Surrey', 'org', 1],
    ['Kent', 'org'],
    ['Blackburn', 'org'],
    ['Southampton', 'org'],
    ['Kent', 'org', 1],
    ['Canterbury', 'place'],
  ]);
});

test('outside sport, scores and result words leave towns as places', () => {
  const article =
    'Bond futures end lower\nCHICAGO 1996-09-06\n' +
    'Treasury futures fell 11-20 and December contracts were off 13-28 after the index for the Chicago area rose .\n' +
    'Traders said the goal of the central bank was unchanged , and the 3-2 vote surprised few in Boston .';
  expectKinds(article, [
    ['CHICAGO', 'place'],
    ['Chicago', 'place'],
    ['Boston', 'place'],
  ]);
});

test('where a match was played stays a place', () => {
  expectKinds(
    'SOCCER - KESTREL ROVERS WIN ABROAD\nLEEDS 1996-09-07\nKestrel Rovers beat the champions in Salzburg 3-2 on Saturday in their first league match of the season .',
    [['Salzburg', 'place']],
  );
});
