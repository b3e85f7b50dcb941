import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, TextDocuments, type Location, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { provideReferences, REFERENCE_LIMIT, referencesShown } from '../../server/src/lsp/references';
import { article, BAY, corpusOf, MARROW } from '../support/handArticles';

// References over hand-built articles (each "Ilse Marrow  Kestrel Bay  Ilse Marrow  "):
// the exact batches streamed, the progress reported, the limit, and cancellation.

const ARTICLES = 2500;
const uriOf = (i: number) => `file:///r/${String(i).padStart(4, '0')}.txt`;
const corpus = corpusOf(...Array.from({ length: ARTICLES }, (_, i): [string, ReturnType<typeof article>] => [uriOf(i), article('2024-03-05', MARROW, BAY, MARROW)]));
const docs = new DocumentLookup(new TextDocuments(TextDocument), corpus);
const params = (includeDeclaration: boolean, character = 2) => ({ textDocument: { uri: uriOf(3) }, position: { line: 0, character }, context: { includeDeclaration } });
const none = new CancellationTokenSource().token;
// Offsets of the two mentions of Ilse Marrow in each article.
const STARTS = [0, 26];
const at = (uri: string, start: number): Location => ({ uri, range: { start: { line: 0, character: start }, end: { line: 0, character: start + 11 } } });
const every = Array.from({ length: ARTICLES }, (_, i) => STARTS.map((s) => at(uriOf(i), s))).flat();

/** A work-done reporter that writes down what it is told. */
function progress(): { reporter: WorkDoneProgressReporter; log: unknown[][] } {
  const log: unknown[][] = [];
  const reporter = {
    begin: (...args: unknown[]) => log.push(['begin', ...args]),
    report: (...args: unknown[]) => log.push(['report', ...args]),
    done: () => log.push(['done']),
  } as unknown as WorkDoneProgressReporter;
  return { reporter, log };
}

describe('references', () => {
  it('return every mention in file then text order, with exact ranges, reporting progress after each batch', async () => {
    const { reporter, log } = progress();
    assert.deepEqual(await provideReferences(params(true), corpus, docs, none, { workDone: reporter }), every);
    // Batches close after the article that fills them: 125 articles give 250, then 1,250 more give 2,500.
    assert.deepEqual(log, [
      ['begin', 'Corpus Lens: references to Ilse Marrow', 0, undefined, false],
      ['report', 5, '250 of 5,000'],
      ['report', 55, '2,750 of 5,000'],
      ['done'],
    ]);
  });

  it('stream them in batches, a small one first, and answer empty', async () => {
    const batches: Location[][] = [];
    const result = await provideReferences(params(true), corpus, docs, none, { partial: { report: (b) => batches.push(b) } });
    assert.deepEqual(result, []);
    assert.deepEqual(batches.map((b) => b.length), [250, 2500, 2250]);
    assert.deepEqual(batches.flat(), every);
    // Filled exactly by the last article: no empty batch after it.
    const exact = corpusOf(...Array.from({ length: 125 }, (_, i): [string, ReturnType<typeof article>] => [uriOf(i), article('', MARROW, BAY, MARROW)]));
    const last: Location[][] = [];
    await provideReferences(params(true), exact, new DocumentLookup(new TextDocuments(TextDocument), exact), none, { partial: { report: (b) => last.push(b) } });
    assert.deepEqual(last.map((b) => b.length), [250]);
  });

  it('skip an article that has no document any more', async () => {
    const real = new DocumentLookup(new TextDocuments(TextDocument), corpus);
    const gone = { get: (uri: string) => (uri === uriOf(1) ? undefined : real.get(uri)) } as unknown as DocumentLookup;
    const refs = await provideReferences(params(true), corpus, gone, none);
    assert.deepEqual(refs, every.filter((l) => l.uri !== uriOf(1)));
  });

  it('leave the declaration out when asked', async () => {
    const refs = await provideReferences(params(false), corpus, docs, none);
    assert.deepEqual(refs, every.slice(1));
  });

  it('stop at the limit and say so, naming the mentions shown and all of them', async () => {
    const told: string[] = [];
    const refs = await provideReferences(params(true), corpus, docs, none, { tell: (m) => told.push(m), limit: 4 });
    assert.deepEqual(refs, every.slice(0, 4));
    assert.deepEqual(told, ['Corpus Lens: showing 4 of 5,000 mentions of “Ilse Marrow” (the first articles in file order); the export (Export This Entity\'s Mentions…) has them all.']);
    const exact: string[] = [];
    assert.equal((await provideReferences(params(true), corpus, docs, none, { tell: (m) => exact.push(m), limit: 5000 })).length, 5000);
    assert.deepEqual(exact, [], 'a limit that holds them all cuts nothing');
    assert.equal(referencesShown(REFERENCE_LIMIT), undefined);
    assert.equal(referencesShown(REFERENCE_LIMIT + 1), 'Find All References shows the first 100,000 of 100,001');
  });

  it('answer nothing off an entity, or for an unknown document', async () => {
    const { reporter, log } = progress();
    assert.deepEqual(await provideReferences(params(true, 12), corpus, docs, none, { workDone: reporter }), []);
    assert.deepEqual(await provideReferences({ ...params(true), textDocument: { uri: 'file:///r/none.txt' } }, corpus, docs, none, { workDone: reporter }), []);
    assert.deepEqual(log, []);
  });

  it('answer nothing once cancelled, before or between batches, and always end the progress', async () => {
    const before = new CancellationTokenSource();
    before.cancel();
    const { reporter, log } = progress();
    assert.deepEqual(await provideReferences(params(true), corpus, docs, before.token, { workDone: reporter }), []);
    assert.deepEqual(log, [], 'not even begun');

    const during = new CancellationTokenSource();
    const batches: Location[][] = [];
    const work = progress();
    const result = await provideReferences(params(true), corpus, docs, during.token, { workDone: work.reporter, partial: { report: (b) => (batches.push(b), during.cancel()) } });
    assert.deepEqual(result, []);
    assert.deepEqual(batches.map((b) => b.length), [250]);
    assert.deepEqual(work.log.map((l) => l[0]), ['begin', 'report', 'done']);
    // Without partial results too, and no article is read after the cancellation.
    const unstreamed = new CancellationTokenSource();
    const turn = progress();
    turn.reporter.report = ((..._: unknown[]) => unstreamed.cancel()) as WorkDoneProgressReporter['report'];
    let read = 0;
    const counting = { get: (uri: string) => (read++, docs.get(uri)) } as unknown as DocumentLookup;
    assert.deepEqual(await provideReferences(params(true), corpus, counting, unstreamed.token, { workDone: turn.reporter }), []);
    assert.equal(read, 1 + 125);

    // Cancelled while the last articles are read, before any batch filled: nothing is answered.
    const late = new CancellationTokenSource();
    const small = corpusOf([uriOf(0), article('', MARROW)], [uriOf(1), article('', MARROW)], [uriOf(3), article('', MARROW)]);
    const real = new DocumentLookup(new TextDocuments(TextDocument), small);
    let asked = 0;
    const cancelling = { get: (uri: string) => (++asked === 3 && late.cancel(), real.get(uri)) } as unknown as DocumentLookup;
    assert.deepEqual(await provideReferences(params(true), small, cancelling, late.token, { partial: { report: () => assert.fail('nothing streamed after the cancellation') } }), []);
    assert.equal(asked, 4, 'the request document, then each article');
  });
});
