import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findNames } from '../../server/src/analysis/names';
import type { EntityMention } from '../../server/src/analysis/types';

// Organizations known by the words around them (names/rules/orgContext.ts), even when they are
// named like a person or a word. The articles are samples written for these tests; the firms and
// papers in them are made up.

/** The kinds of the mentions of `text` at each of its occurrences after `from`. */
function kindsOf(article: string, text: string, from = 0): Array<EntityMention['kind']> {
  const found = findNames(article);
  const kinds: Array<EntityMention['kind']> = [];
  for (let at = article.indexOf(text, from); at >= 0; at = article.indexOf(text, at + 1)) {
    const m = found.find((f) => f.start === at && f.end === at + text.length);
    assert.ok(m, `no mention "${text}" at ${at}; found ${found.map((f) => `"${f.text}"@${f.start}:${f.kind}`).join(', ')}`);
    kinds.push(m.kind);
  }
  return kinds;
}

test('a firm named like a person is an organization where the words around it say so, in every mention', () => {
  const article =
    'Tallis to build cable plant in Asia\nHALDEN 1996-09-06\n' +
    'Cable maker Tallis said on Friday it would build a plant in Asia with a local partner .\n' +
    'Tallis shares rose 3 percent in early trading , and Tallis said the plant would open next year .\n' +
    "Tallis 's board approved the deal on Thursday , analysts at the bank said .";
  assert.deepEqual(kindsOf(article, 'Tallis'), ['org', 'org', 'org', 'org', 'org']);
});

test('a person who shares a view, holds shares or bids stays a person', () => {
  const article =
    'Tallis backs the plan\nHALDEN 1996-09-06\n' +
    'Ben Tallis , who founded the firm , said on Friday he backed the plan .\n' +
    "Tallis shares his partner 's view , and Tallis 's shares in the firm are worth $ 2 million , he said .";
  assert.deepEqual(kindsOf(article, 'Tallis', article.indexOf('founded')), ['person', 'person']);
  assert.deepEqual(kindsOf(article, 'Ben Tallis'), ['person']);
});

test('papers and agencies named by what they are: the daily, the newspaper, the news agency', () => {
  const article =
    'Press group bids for kiosk chain\nWARSAW 1996-09-06\n' +
    'A Polish press group has bid for the kiosk chain Vardex , the daily Glos Poranny said on Saturday .\n' +
    "Glos Poranny said the bid was worth $ 20 million . The weekly Nowa Fala and Kurier Zachodni newspaper said the same .";
  assert.deepEqual(kindsOf(article, 'Vardex'), ['org']);
  assert.deepEqual(kindsOf(article, 'Glos Poranny'), ['org', 'org']);
  assert.deepEqual(kindsOf(article, 'Nowa Fala'), ['org']);
  assert.deepEqual(kindsOf(article, 'Kurier Zachodni'), ['org']);
});
