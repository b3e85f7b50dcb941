import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { DiagnosticSeverity, type CancellationToken, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DateMention, FigureMention } from '../../server/src/analysis/types';
import type { CorpusQueries, FigureDisagreement } from '../../server/src/corpus/queries';
import { diagnosticsOf, documentReport, workspaceReport, type DiagnosticsSource } from '../../server/src/lsp/diagnostics';
import { DiagnosticsPush } from '../../server/src/lsp/diagnosticsPush';
import type { DocumentLookup } from '../../server/src/lsp/documents';
import type { CorrectionsFileState } from '../../server/src/workspace/folderCorrections';
import type { DiagnosticSettings } from '../../server/src/workspace/settings';

// The diagnostics of one file and of the workspace, over a corpus that answers what the test
// says: every message word for word, every range, severity and code, and cancellation.

const ALL: DiagnosticSettings = { figures: true, unresolvedDates: true, corrections: true, skippedFiles: true };
const never: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
const cancelled: CancellationToken = { ...never, isCancellationRequested: true };

// A labelled sample article (not a real report).
const TEXT = 'Sample article.\nOn Monday 5,200 workers walked out\nof the Kestrel yard.';
const figure = (text: string, start: number): FigureMention => ({ kind: 'figure', type: 'QUANTITY', start, end: start + text.length, text, value: Number(text.replace(',', '')), measure: 'workers' });
const FIVE = figure('5,200', TEXT.indexOf('5,200'));
const MONDAY: DateMention = { kind: 'date', type: 'DATE', start: TEXT.indexOf('Monday'), end: TEXT.indexOf('Monday') + 6, text: 'Monday', value: null, relative: true, reading: '', unresolved: 'no article date' };

interface World {
  settings?: Record<string, DiagnosticSettings>;
  texts?: Record<string, string>;
  open?: Record<string, number>;
  disagreements?: Record<string, FigureDisagreement[]>;
  dates?: Record<string, DateMention[]>;
  files?: CorrectionsFileState[];
  skipped?: { fsPath: string; reason: string }[];
  /** Called when the corpus is asked for an article's dates (to cancel mid-way). */
  onDates?: () => void;
}

function sourceOf(world: World): DiagnosticsSource {
  const texts = world.texts ?? {};
  const corpus = {
    article: (uri: string) => (uri in texts ? { uri, text: texts[uri] } : undefined),
    figureDisagreementsIn: (uri: string) => world.disagreements?.[uri] ?? [],
    datesIn: (uri: string) => (world.onDates?.(), world.dates?.[uri] ?? []),
    articlesWithFigureDisagreements: () => Object.keys(world.disagreements ?? {}),
  } as unknown as CorpusQueries;
  const get = (uri: string) => (uri in texts ? TextDocument.create(uri, 'article', 1, texts[uri]) : undefined);
  const docs = {
    get,
    location: (uri: string, start: number, end: number) => {
      const doc = get(uri);
      return doc && { uri, range: { start: doc.positionAt(start), end: doc.positionAt(end) } };
    },
    openVersion: (uri: string) => world.open?.[uri] ?? null,
  } as unknown as DocumentLookup;
  return {
    corpus,
    docs,
    settingsOf: (uri) => (world.settings ? world.settings[uri] : ALL),
    correctionsFiles: () => world.files ?? [],
    skippedFiles: () => world.skipped ?? [],
  };
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

function disagreement(agreeing: number, size = agreeing): FigureDisagreement {
  const others = ['a', 'b', 'c', 'e', 'f'].slice(0, agreeing).map((n) => ({ uri: `file:///c/${n}.txt`, figure: figure('4,000', 0), date: `2024-03-0${n.charCodeAt(0) - 96}` }));
  return { uri: 'file:///c/d.txt', figure: FIVE, date: '2024-03-05', consensus: { median: 0, low: 3800, high: 4200, size, others: size + 2 }, agreeing: others };
}

describe('diagnostics of an article', () => {
  const texts = { 'file:///c/d.txt': TEXT, 'file:///c/a.txt': '4,000 in a', 'file:///c/b.txt': '4,000 in b' };

  it('mark a figure that disagrees with its week, naming three agreeing figures and how many more, each as related information when it can be placed', () => {
    const source = sourceOf({ texts, disagreements: { 'file:///c/d.txt': [disagreement(4, 5)] } });
    const [d, ...rest] = diagnosticsOf('file:///c/d.txt', source, never);
    assert.deepEqual(rest, []);
    assert.deepEqual(d, {
      range: range(1, 10, 1, 15),
      severity: DiagnosticSeverity.Information,
      source: 'Corpus Lens',
      code: 'figure-disagrees',
      message: '“5,200” disagrees with 5 of the 7 other articles reporting workers the same week: 4,000 (a.txt, 2024-03-01), 4,000 (b.txt, 2024-03-02), 4,000 (c.txt, 2024-03-03) and 2 more.',
      relatedInformation: [
        { location: { uri: 'file:///c/a.txt', range: range(0, 0, 0, 5) }, message: '4,000, 2024-03-01, a.txt' },
        { location: { uri: 'file:///c/b.txt', range: range(0, 0, 0, 5) }, message: '4,000, 2024-03-02, b.txt' },
      ],
      data: { measure: 'workers' },
    });
    const few = diagnosticsOf('file:///c/d.txt', sourceOf({ texts, disagreements: { 'file:///c/d.txt': [disagreement(2)] } }), never)[0];
    assert.equal(few.message, '“5,200” disagrees with 2 of the 4 other articles reporting workers the same week: 4,000 (a.txt, 2024-03-01), 4,000 (b.txt, 2024-03-02).');
    const exact = diagnosticsOf('file:///c/d.txt', sourceOf({ texts, disagreements: { 'file:///c/d.txt': [disagreement(3)] } }), never)[0];
    assert.match(exact.message, /\(c\.txt, 2024-03-03\)\.$/, 'three shown of three: no "more"');
  });

  it('hint at a relative date without a value, and only at such dates', () => {
    const dates = [MONDAY, { ...MONDAY, unresolved: undefined, start: 0, end: 6, text: 'Sample' }, { ...MONDAY, relative: false }, { ...MONDAY, value: '2024-03-04' }];
    assert.deepEqual(diagnosticsOf('file:///c/d.txt', sourceOf({ texts, dates: { 'file:///c/d.txt': dates } }), never), [
      { range: range(1, 3, 1, 9), severity: DiagnosticSeverity.Hint, source: 'Corpus Lens', code: 'date-unresolved', message: '“Monday” cannot be resolved: no article date. Set the article’s date to resolve it.' },
      { range: range(0, 0, 0, 6), severity: DiagnosticSeverity.Hint, source: 'Corpus Lens', code: 'date-unresolved', message: '“Sample” cannot be resolved: no value could be read. Set the article’s date to resolve it.' },
    ]);
  });

  it('say nothing of figures or dates for a document the corpus does not hold (a skipped buffer)', () => {
    const source = sourceOf({ texts, disagreements: { 'file:///c/d.txt': [disagreement(1)] }, dates: { 'file:///c/d.txt': [MONDAY] } });
    const corpus = source.corpus as unknown as { article(uri: string): unknown };
    corpus.article = () => undefined;
    assert.deepEqual(diagnosticsOf('file:///c/d.txt', source, never), []);
  });

  it('warn on a skipped file, at its start, even when the corpus does not hold it', () => {
    const source = sourceOf({ skipped: [{ fsPath: '/c/other.txt', reason: 'x' }, { fsPath: '/c/big.txt', reason: 'larger than the size limit (9 bytes)' }] });
    assert.deepEqual(diagnosticsOf('file:///c/big.txt', source, never), [
      { range: range(0, 0, 0, 0), severity: DiagnosticSeverity.Warning, source: 'Corpus Lens', code: 'file-skipped', message: 'Corpus Lens skipped this file: larger than the size limit (9 bytes).' },
    ]);
    assert.deepEqual(diagnosticsOf('file:///c/fine.txt', source, never), []);
  });

  it('place the problem of an invalid corrections file, and say nothing else about that file', () => {
    const uri = 'file:///c/.corpuslens.json';
    const text = '{\n  "version": 2\n}';
    const file: CorrectionsFileState = { uri, text, problem: '.corpuslens.json: "version" must be 1', at: { offset: 15, length: 1 } };
    const source = sourceOf({ files: [{ uri: 'file:///other/.corpuslens.json' }, file], texts: { [uri]: text }, skipped: [{ fsPath: '/c/.corpuslens.json', reason: 'x' }], dates: { [uri]: [MONDAY] } });
    assert.deepEqual(diagnosticsOf(uri, source, never), [
      { range: range(1, 13, 1, 14), severity: DiagnosticSeverity.Error, source: 'Corpus Lens', code: 'corrections-invalid', message: '.corpuslens.json: "version" must be 1. Corrections are off until it is fixed.' },
    ]);
    const unplaced = sourceOf({ files: [{ uri, problem: 'too big' }] });
    assert.deepEqual(diagnosticsOf(uri, unplaced, never).map((d) => [d.range, d.message]), [[range(0, 0, 0, 0), 'too big. Corrections are off until it is fixed.']]);
    assert.deepEqual(diagnosticsOf(uri, sourceOf({ files: [{ uri, text: '{}' }], skipped: [{ fsPath: '/c/.corpuslens.json', reason: 'x' }] }), never), [], 'a valid file has nothing to say');
  });

  it('turn each kind off with its setting, and say nothing outside the corpus folders', () => {
    const uri = 'file:///c/d.txt';
    const world = (settings: Partial<DiagnosticSettings>): World => ({
      texts,
      settings: { [uri]: { ...ALL, ...settings }, 'file:///c/.corpuslens.json': { ...ALL, ...settings } },
      disagreements: { [uri]: [disagreement(1)] },
      dates: { [uri]: [MONDAY] },
      skipped: [{ fsPath: '/c/d.txt', reason: 'x' }],
      files: [{ uri: 'file:///c/.corpuslens.json', text: '{', problem: 'bad' }],
    });
    const codes = (settings: Partial<DiagnosticSettings>, at = uri) => diagnosticsOf(at, sourceOf(world(settings)), never).map((d) => d.code);
    assert.deepEqual(codes({}), ['file-skipped', 'figure-disagrees', 'date-unresolved']);
    assert.deepEqual(codes({ skippedFiles: false }), ['figure-disagrees', 'date-unresolved']);
    assert.deepEqual(codes({ figures: false }), ['file-skipped', 'date-unresolved']);
    assert.deepEqual(codes({ unresolvedDates: false }), ['file-skipped', 'figure-disagrees']);
    assert.deepEqual(codes({}, 'file:///c/.corpuslens.json'), ['corrections-invalid']);
    assert.deepEqual(codes({ corrections: false }, 'file:///c/.corpuslens.json'), []);
    assert.deepEqual(diagnosticsOf(uri, sourceOf({ ...world({}), settings: {} }), never), [], 'outside every corpus folder');
  });

  it('give nothing for a cancelled request, before or while it runs', () => {
    const uri = 'file:///c/d.txt';
    const world: World = { texts, disagreements: { [uri]: [disagreement(1)] }, dates: { [uri]: [MONDAY] }, skipped: [{ fsPath: '/c/d.txt', reason: 'x' }] };
    assert.equal(diagnosticsOf(uri, sourceOf(world), never).length, 3);
    assert.deepEqual(diagnosticsOf(uri, sourceOf(world), cancelled), []);
    const token = { ...never, isCancellationRequested: false };
    assert.deepEqual(diagnosticsOf(uri, sourceOf({ ...world, onDates: () => (token.isCancellationRequested = true) }), token), []);
    // Files the corpus does not hold, and corrections files, are cancelled too.
    assert.deepEqual(diagnosticsOf('file:///c/big.txt', sourceOf({ skipped: [{ fsPath: '/c/big.txt', reason: 'x' }] }), cancelled), []);
    assert.deepEqual(diagnosticsOf('file:///c/.corpuslens.json', sourceOf({ files: [{ uri: 'file:///c/.corpuslens.json', text: '{', problem: 'bad' }] }), cancelled), []);
  });
});

describe('diagnostic reports', () => {
  const texts = { 'file:///c/d.txt': TEXT, 'file:///c/a.txt': '4,000 in a' };

  it('answer a document pull in full, then "unchanged" for the same result id, and in full again when it changes', () => {
    const world: World = { texts, disagreements: { 'file:///c/d.txt': [disagreement(1)] } };
    const first = documentReport('file:///c/d.txt', undefined, sourceOf(world), never);
    assert.equal(first.kind, 'full');
    assert.match(first.resultId!, /^[0-9a-f]{1,8}:\d+$/);
    assert.deepEqual(first.kind === 'full' && first.items.map((d) => d.code), ['figure-disagrees']);
    assert.deepEqual(documentReport('file:///c/d.txt', first.resultId, sourceOf(world), never), { kind: 'unchanged', resultId: first.resultId });
    const changed = documentReport('file:///c/d.txt', first.resultId, sourceOf({ ...world, disagreements: { 'file:///c/d.txt': [disagreement(2)] } }), never);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, first.resultId);
    const empty = documentReport('file:///c/a.txt', 'x', sourceOf(world), never);
    assert.deepEqual(empty, { kind: 'full', resultId: empty.resultId, items: [] });
    assert.equal(empty.resultId, documentReport('file:///c/e.txt', undefined, sourceOf(world), never).resultId, 'equal diagnostics, equal ids');
  });

  it('tell result ids apart by every character of the diagnostics', () => {
    const ids = new Set<string>();
    for (const reason of ['a', 'b', 'ab', 'ba', 'c'.repeat(40), `${'c'.repeat(39)}d`]) {
      ids.add(documentReport('file:///c/s.txt', undefined, sourceOf({ skipped: [{ fsPath: '/c/s.txt', reason }] }), never).resultId!);
    }
    assert.equal(ids.size, 6);
  });

  it('list in uri order every file with something to show and every file shown before, without hints, unchanged ones by id', () => {
    const dates = { 'file:///c/d.txt': [MONDAY] };
    const world: World = {
      texts,
      open: { 'file:///c/d.txt': 3 },
      dates,
      disagreements: { 'file:///c/d.txt': [disagreement(1)] },
      files: [{ uri: 'file:///c/.corpuslens.json', text: '{', problem: 'bad', at: { offset: 1, length: 0 } }, { uri: 'file:///c/ok/.corpuslens.json', text: '{}' }],
      skipped: [{ fsPath: '/c/big.txt', reason: 'too big' }],
    };
    const first = workspaceReport([], sourceOf(world), never);
    assert.deepEqual(first.items.map((i) => [i.uri, i.kind, i.version, i.kind === 'full' ? i.items.map((d) => [d.code, d.range.start.line]) : []]), [
      ['file:///c/.corpuslens.json', 'full', null, [['corrections-invalid', 0]]],
      ['file:///c/big.txt', 'full', null, [['file-skipped', 0]]],
      ['file:///c/d.txt', 'full', 3, [['figure-disagrees', 1]]],
    ]);
    const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    // The figure is fixed; a file shown before with a stale id is emptied; the rest are unchanged.
    const next = workspaceReport([...previous, { uri: 'file:///c/a.txt', value: 'stale' }], sourceOf({ ...world, disagreements: {} }), never);
    assert.deepEqual(next.items.map((i) => [i.uri, i.kind, i.kind === 'full' ? i.items : i.resultId]), [
      ['file:///c/.corpuslens.json', 'unchanged', previous[0].value],
      ['file:///c/a.txt', 'full', []],
      ['file:///c/big.txt', 'unchanged', previous[1].value],
      ['file:///c/d.txt', 'full', []],
    ]);
    assert.deepEqual(workspaceReport(previous, sourceOf(world), cancelled), { items: [] });
  });
});

describe('diagnostics pushed or refreshed', () => {
  /** A connection that writes down what the server tells the editor. */
  function connection(fail = false) {
    const told: (string | [string, (string | number | undefined)[]])[] = [];
    const conn = {
      languages: { diagnostics: { refresh: () => (told.push('refresh'), fail ? Promise.reject(new Error('gone')) : Promise.resolve()) } },
      sendDiagnostics: ({ uri, diagnostics }: { uri: string; diagnostics: Diagnostic[] }) => (told.push([uri, diagnostics.map((d) => d.code)]), fail ? Promise.reject(new Error('gone')) : Promise.resolve()),
    } as unknown as Connection;
    return { conn, told };
  }
  const texts = { 'file:///c/d.txt': TEXT, 'file:///c/a.txt': '4,000 in a' };

  it('ask a pulling client to pull again, once things are quiet, and never one that cannot be asked', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { conn, told } = connection();
      let mode: 'pull' | 'pull-no-refresh' | 'push' = 'pull';
      const push = new DiagnosticsPush(conn, sourceOf({ skipped: [{ fsPath: '/c/big.txt', reason: 'x' }] }), () => mode, () => ['file:///c/big.txt']);
      push.changed();
      mock.timers.tick(200);
      push.changed();
      mock.timers.tick(299);
      assert.deepEqual(told, [], 'each change starts the quiet time again');
      mock.timers.tick(1);
      assert.deepEqual(told, ['refresh']);
      mode = 'pull-no-refresh';
      push.changed();
      push.flush();
      mock.timers.tick(1000);
      assert.deepEqual(told, ['refresh'], 'nothing to a client that pulls but cannot be asked');
      mode = 'pull';
      push.changed();
      push.dispose();
      mock.timers.tick(1000);
      assert.deepEqual(told, ['refresh'], 'disposed: the pending refresh is dropped');
    } finally {
      mock.timers.reset();
    }
  });

  it('send a pushing client the corpus-wide diagnostics that changed, and the open articles’ own with hints', () => {
    const { conn, told } = connection();
    const world: World = { texts, dates: { 'file:///c/d.txt': [MONDAY] }, disagreements: { 'file:///c/d.txt': [disagreement(1)] }, skipped: [{ fsPath: '/c/big.txt', reason: 'x' }] };
    let open: string[] = [];
    let source = sourceOf(world);
    const push = new DiagnosticsPush(conn, { ...source, correctionsFiles: () => source.correctionsFiles(), skippedFiles: () => source.skippedFiles(), settingsOf: (u) => source.settingsOf(u), get corpus() { return source.corpus; }, get docs() { return source.docs; } }, () => 'push', () => open);
    push.flush();
    assert.deepEqual(told.splice(0), [['file:///c/big.txt', ['file-skipped']], ['file:///c/d.txt', ['figure-disagrees']]]);
    push.flush();
    assert.deepEqual(told.splice(0), [], 'nothing changed, nothing sent');
    open = ['file:///c/d.txt'];
    push.flush();
    assert.deepEqual(told.splice(0), [['file:///c/d.txt', ['figure-disagrees', 'date-unresolved']]], 'an open article with its hints, once');
    open = [];
    push.flush();
    assert.deepEqual(told.splice(0), [['file:///c/d.txt', ['figure-disagrees']]], 'closed: back to the corpus-wide ones');
    // Opened before its first push: sent once, with its hints.
    const fresh = connection();
    new DiagnosticsPush(fresh.conn, source, () => 'push', () => ['file:///c/d.txt']).flush();
    assert.deepEqual(fresh.told, [['file:///c/big.txt', ['file-skipped']], ['file:///c/d.txt', ['figure-disagrees', 'date-unresolved']]]);
    source = sourceOf({ ...world, disagreements: {}, skipped: [] });
    push.flush();
    assert.deepEqual(told.splice(0), [['file:///c/big.txt', []], ['file:///c/d.txt', []]], 'cleared files are emptied');
  });

  it('keep quiet when the editor has gone away', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const pull = connection(true);
      new DiagnosticsPush(pull.conn, sourceOf({}), () => 'pull', () => []).flush();
      const push = connection(true);
      const pushing = new DiagnosticsPush(push.conn, sourceOf({ skipped: [{ fsPath: '/c/big.txt', reason: 'x' }] }), () => 'push', () => ['file:///c/a.txt']);
      pushing.flush();
      assert.deepEqual(push.told, [['file:///c/big.txt', ['file-skipped']], ['file:///c/a.txt', []]]);
      // A connection that throws when the quiet time ends is not an uncaught error.
      const throwing = new DiagnosticsPush({ languages: { diagnostics: { refresh: () => { throw new Error('closed'); } } } } as unknown as Connection, sourceOf({}), () => 'pull', () => []);
      throwing.changed();
      mock.timers.tick(300);
    } finally {
      mock.timers.reset();
    }
    await new Promise((resolve) => setImmediate(resolve));
  });
});
