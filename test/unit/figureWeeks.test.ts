import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis';
import type { Corpus } from '../../server/src/corpus/corpus';
import { RELATED_LIMIT } from '../../server/src/corpus/figureWeeks';
import { NOT_CANCELLED, type FigureDisagreement } from '../../server/src/corpus/queries';
import { ARTICLES, corpusOf, uri } from './dashboardSamples';

// Invented articles (samples for this test) added to the dashboard's: in the week of 4 March
// 2024 an article counting ships and workers (the first figure of each measure is its report),
// three more counting 90 ships, one claiming 400 ships (and 40,000 workers), and one whose first
// workers figure is no number; ten bus counts in the next week, nine agreeing.
const MORE: Record<string, string> = {
  'b.txt': 'Two counts\ndate 2024-03-07\n\nSome 90 ships and 4,000 workers, up from 3,000 workers, came, then 95 ships.\n',
  's1.txt': 'Ships in\ndate 2024-03-05\n\nAbout 90 ships waited.\n',
  's2.txt': 'Ships wait\ndate 2024-03-06\n\nNearly 90 ships waited.\n',
  's3.txt': 'Ships still\ndate 2024-03-08\n\nSome 90 ships waited.\n',
  's4.txt': 'Ships claim\ndate 2024-03-09\n\nA record 400 ships waited, and 40,000 workers.\n',
  'd.txt': 'Crowds\ndate 2024-03-10\n\nDozens of workers came, then 40,000 workers left.\n',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}.txt`, `Buses\ndate 2024-03-${11 + (i % 7)}\n\nSome ${i === 9 ? 500 : 50} buses ran.\n`])),
};

/** A disagreement in short: the figure, its measure, the consensus interval and the agreeing figures. */
function brief(d: FigureDisagreement) {
  return { file: d.uri.slice('file:///c/'.length), figure: d.figure.text, measure: d.figure.measure, date: d.date, low: d.consensus.low, high: d.consensus.high, size: d.consensus.size, agreeing: d.agreeing.map((a) => `${a.uri.slice('file:///c/'.length)} ${a.figure.text} ${a.date}`) };
}

function edit(corpus: Corpus, file: string, text: string): void {
  corpus.setArticle(uri(file), corpus.pack(text, analyzeArticle(text, {})));
}

/** Everything the corpus says of figure disagreements. */
function everything(corpus: Corpus) {
  const uris = [...corpus.uris()].sort();
  return { articles: corpus.articlesWithFigureDisagreements(NOT_CANCELLED), each: uris.map((u) => corpus.figureDisagreementsIn(u, NOT_CANCELLED).map(brief)) };
}

describe('figure disagreements by week', () => {
  it('judges each article by its first readable figure of each measure, against the others of its ISO week', () => {
    const corpus = corpusOf({ ...ARTICLES, ...MORE });
    assert.deepEqual(corpus.articlesWithFigureDisagreements(NOT_CANCELLED), [uri('a3.txt'), uri('c9.txt'), uri('d.txt'), uri('s4.txt')]);
    assert.deepEqual(corpus.figureDisagreementsIn(uri('a3.txt'), NOT_CANCELLED).map(brief), [
      // The others' median is a4's 4,100 (3,895–4,305); four of the six others overlap it.
      { file: 'a3.txt', figure: '40,000', measure: 'workers', date: '2024-03-06', low: 3895, high: 4305, size: 4, agreeing: ['a1.txt 4,000 2024-03-04', 'a2.txt 4,200 2024-03-05', 'a4.txt 4,100 2024-03-06', 'b.txt 4,000 2024-03-07'] },
    ]);
    // Both of s4's figures disagree: 400 ships with four reports of 90, 40,000 workers with four of about 4,000.
    assert.deepEqual(corpus.figureDisagreementsIn(uri('s4.txt'), NOT_CANCELLED).map((d) => [d.figure.text, d.figure.start, d.agreeing.length]), [['400', MORE['s4.txt'].indexOf('400'), 4], ['40,000', MORE['s4.txt'].indexOf('40,000'), 4]]);
    // "Dozens" is no number: d.txt reports workers with 40,000.
    assert.deepEqual(corpus.figureDisagreementsIn(uri('d.txt'), NOT_CANCELLED).map((d) => d.figure.text), ['40,000']);
    // b.txt reports 90 ships and 4,000 workers (its later figures are not its report), and agrees on both.
    assert.deepEqual(corpus.figureDisagreementsIn(uri('b.txt'), NOT_CANCELLED), []);
    assert.deepEqual(corpus.figureDisagreementsIn(uri('caf%C3%A9 notes.txt'), NOT_CANCELLED), [], 'undated: no week');
    assert.deepEqual(corpus.figureDisagreementsIn(uri('nowhere.txt'), NOT_CANCELLED), []);
  });

  it(`names at most ${RELATED_LIMIT} agreeing figures, oldest first`, () => {
    const corpus = corpusOf(MORE);
    const [bus] = corpus.figureDisagreementsIn(uri('c9.txt'), NOT_CANCELLED).map(brief);
    assert.equal(bus.size, 9);
    assert.deepEqual(bus.agreeing, ['c0.txt 50 2024-03-11', 'c7.txt 50 2024-03-11', 'c1.txt 50 2024-03-12', 'c8.txt 50 2024-03-12', 'c2.txt 50 2024-03-13', 'c3.txt 50 2024-03-14', 'c4.txt 50 2024-03-15', 'c5.txt 50 2024-03-16']);
  });

  it('keeps up with edits, removals and additions one article at a time, as a fresh corpus would judge them', () => {
    const corpus = corpusOf({ ...ARTICLES, ...MORE });
    // Asked once, so the weeks are built and from now on kept current.
    assert.equal(corpus.articlesWithFigureDisagreements(NOT_CANCELLED).length, 4);
    const now: Record<string, string> = { ...ARTICLES, ...MORE };
    const steps: [string, string | undefined][] = [
      ['a3.txt', ARTICLES['a3.txt'].replace('Over 40,000', 'Over 4,000')],
      ['s4.txt', undefined],
      ['s1.txt', 'Ships in\ndate 2024-03-05\n\nAbout 400 ships waited.\n'],
      ['new.txt', 'Late claim\ndate 2024-03-08\n\nSome 12,000 workers joined.\n'],
      ['c3.txt', 'Buses\ndate 2024-04-13\n\nSome 50 buses ran.\n'],
      ['d.txt', 'Crowds\n\nDozens of workers came, then 40,000 workers left.\n'],
    ];
    for (const [file, text] of steps) {
      if (text === undefined) {
        corpus.removeArticle(uri(file));
        delete now[file];
      } else {
        edit(corpus, file, text);
        now[file] = text;
      }
      assert.deepEqual(everything(corpus), everything(corpusOf(now)), `after ${file}`);
    }
    // s1 now claims 400 ships against three reports of 90; new.txt 12,000 workers against about 4,000.
    assert.deepEqual(corpus.articlesWithFigureDisagreements(NOT_CANCELLED), [uri('c9.txt'), uri('new.txt'), uri('s1.txt')]);
  });

  it('answers nothing once cancelled, before or during the scan', () => {
    const corpus = corpusOf({ ...ARTICLES, ...MORE });
    const raised = { isCancellationRequested: true };
    assert.deepEqual(corpus.figureDisagreementsIn(uri('a3.txt'), raised), []);
    assert.deepEqual(corpus.articlesWithFigureDisagreements(raised), []);
    let looks = 0;
    const during = {
      get isCancellationRequested() {
        return ++looks > 2;
      },
    };
    assert.deepEqual(corpus.articlesWithFigureDisagreements(during), []);
    assert.ok(looks > 2);
    assert.equal(corpus.articlesWithFigureDisagreements(NOT_CANCELLED).length, 4);
  });
});
