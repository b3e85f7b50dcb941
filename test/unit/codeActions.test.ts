import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, DiagnosticSeverity, TextDocuments, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NO_CAPABILITIES, type Capabilities } from '../../server/src/lsp/capabilities';
import { provideCodeActions } from '../../server/src/lsp/codeActions';
import { DocumentLookup } from '../../server/src/lsp/documents';
import { APPLY_CORRECTION_COMMAND, ClientCommands, type CorrectionEdit } from '../../server/src/protocol';
import { article, corpusOf, MARROW, MS_MARROW, PORT, type Word } from '../support/handArticles';

// The quick fixes offered on a mention and on our diagnostics, over a hand-built article
// ("Ilse Marrow  Ms Marrow  Port Authority  5 March 2024  Monday  2024  6 March  7 March  5 March  8 March  "):
// titles, the edits planned, the commands offered to a client that runs them, disabled fixes.

const URI = 'file:///w/a.txt';
const FILE = 'file:///w/.corpuslens.json';
const date = (text: string, value: string, relative = false): Word => ({ text, date: value, relative });
const WORDS = [MARROW, MS_MARROW, PORT, date('5 March 2024', '2024-03-05'), date('Monday', '2024-03-04', true), date('2024', '2024'), date('6 March', '2024-03-06'), date('7 March', '2024-03-07'), date('5 March', '2024-03-05'), date('8 March', '2024-03-08')];
const token = new CancellationTokenSource().token;

function setup(articleDate = '', words = WORDS) {
  const corpus = corpusOf([URI, article(articleDate, ...words)]);
  const docs = new DocumentLookup(new TextDocuments(TextDocument), corpus);
  const planned: CorrectionEdit[][] = [];
  /** Plans each edit as a new file holding the edit, or refuses a notEntity of "Port Authority". */
  const plan = async (_uri: string, edits: CorrectionEdit[]) => {
    planned.push(edits);
    return edits.map((e) => (e.kind === 'notEntity' && e.value === 'Port Authority' ? { problem: 'refused for the test' } : { fileUri: FILE, oldText: '', newText: JSON.stringify(e) }));
  };
  const ask = (character: number, caps: Partial<Capabilities> = {}, diagnostics: Diagnostic[] = []) =>
    provideCodeActions({ textDocument: { uri: URI }, range: { start: { line: 0, character }, end: { line: 0, character } }, context: { diagnostics } }, corpus, docs, { caps: { ...NO_CAPABILITIES, ...caps }, plan }, token);
  return { ask, planned, corpus };
}

/** Each action as its title and what it does: the planned edit's text, its command, or why it is disabled. */
const summary = (actions: CodeAction[]) =>
  actions.map((a) => {
    const changes = a.edit?.changes?.[FILE];
    return [a.title, changes ? changes[0].newText : a.command ? [a.command.command, ...(a.command.arguments ?? [])] : a.disabled?.reason];
  });

const notEntity = (value: string) => JSON.stringify({ kind: 'notEntity', value });
const dateEdit = (d: string) => JSON.stringify({ kind: 'articleDate', file: URI, date: d });

describe('code actions', () => {
  it('offer on a full name: not an entity, not this entity in this article, and the first three full dates of the text', async () => {
    const { ask, planned } = setup();
    const actions = await ask(0);
    assert.deepEqual(summary(actions), [
      ['Corpus Lens: “Ilse Marrow” is not an entity (everywhere)', notEntity('Ilse Marrow')],
      ['Corpus Lens: In this article, “Ilse Marrow” is not Ilse Marrow', JSON.stringify({ kind: 'split', entity: 'person:ilse marrow', file: URI })],
      ['Corpus Lens: Set this article’s date to 2024-03-05 (a date in its text)', dateEdit('2024-03-05')],
      ['Corpus Lens: Set this article’s date to 2024-03-06 (a date in its text)', dateEdit('2024-03-06')],
      ['Corpus Lens: Set this article’s date to 2024-03-07 (a date in its text)', dateEdit('2024-03-07')],
    ]);
    assert.ok(actions.every((a) => a.kind === 'quickfix' && a.isPreferred === undefined && a.diagnostics === undefined));
    assert.deepEqual(actions[0].edit, { changes: { [FILE]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: notEntity('Ilse Marrow') }] } });
    assert.equal(planned.length, 1, 'one plan for all the edits');
  });

  it('offer on a surname joined to a full name: also never join it', async () => {
    const { ask } = setup();
    assert.deepEqual(summary(await ask(14)).slice(0, 3), [
      ['Corpus Lens: “Ms Marrow” is not an entity (everywhere)', notEntity('Ms Marrow')],
      ['Corpus Lens: In this article, “Ms Marrow” is not Ilse Marrow', JSON.stringify({ kind: 'split', entity: 'person:~marrow', file: URI })],
      ['Corpus Lens: Never join “Ms Marrow” to Ilse Marrow', JSON.stringify({ kind: 'split', entity: 'person:~marrow' })],
    ]);
  });

  it('offer no never-join for a surname that stands alone', async () => {
    const { ask } = setup('', [MS_MARROW]);
    assert.deepEqual(summary(await ask(0)).map(([title]) => title), ['Corpus Lens: “Ms Marrow” is not an entity (everywhere)']);
  });

  it('offer only calendar dates as article dates, not times or other values that contain one', async () => {
    const { ask } = setup('', [MARROW, date('at nine on 9 March', '2024-03-09T09:00'), date('that week', 'X2024-03-10'), date('11 March', '2024-03-11')]);
    assert.deepEqual(summary(await ask(30)).map(([title]) => title), ['Corpus Lens: Set this article’s date to 2024-03-11 (a date in its text)']);
  });

  it('offer no split for an entity of one key, and leave out a date equal to the article’s', async () => {
    const { ask } = setup('2024-03-05');
    assert.deepEqual(summary(await ask(25)), [
      // The planner refuses this one; a client without disabled code actions does not see it.
      ['Corpus Lens: Set this article’s date to 2024-03-06 (a date in its text)', dateEdit('2024-03-06')],
      ['Corpus Lens: Set this article’s date to 2024-03-07 (a date in its text)', dateEdit('2024-03-07')],
      ['Corpus Lens: Set this article’s date to 2024-03-08 (a date in its text)', dateEdit('2024-03-08')],
    ]);
  });

  it('show a refused fix disabled, with the reason, to a client that can show it', async () => {
    const { ask } = setup();
    assert.deepEqual(summary(await ask(25, { codeActionDisabled: true }))[0], ['Corpus Lens: “Port Authority” is not an entity (everywhere)', 'refused for the test']);
  });

  it('offer merging and setting the date as commands to a client that runs them', async () => {
    const { ask } = setup('2024-03-05');
    const caps = { commands: new Set([ClientCommands.mergeEntity, ClientCommands.setArticleDate]) };
    const actions = await ask(0, caps);
    assert.deepEqual(summary(actions).slice(-2), [
      ['Corpus Lens: Merge “Ilse Marrow” with another entity…', [ClientCommands.mergeEntity, URI, 'person:ilse marrow', 'Ilse Marrow', 'person']],
      ['Corpus Lens: Set this article’s date…', [ClientCommands.setArticleDate, URI, '2024-03-05']],
    ]);
    assert.ok(actions.slice(-2).every((a) => a.kind === 'quickfix' && a.diagnostics === undefined));
    assert.deepEqual(summary(await setup().ask(0, caps)).at(-1), ['Corpus Lens: Set this article’s date…', [ClientCommands.setArticleDate, URI, undefined]], 'no date yet');
  });

  it('fix an unresolved date with the first date of the text, preferred, and tie the fixes to that diagnostic', async () => {
    const { ask } = setup();
    const unresolved: Diagnostic = { range: { start: { line: 0, character: 53 }, end: { line: 0, character: 59 } }, severity: DiagnosticSeverity.Hint, source: 'Corpus Lens', code: 'date-unresolved', message: 'x' };
    const foreign: Diagnostic = { ...unresolved, source: 'other' };
    const actions = await ask(53, { commands: new Set([ClientCommands.setArticleDate]) }, [foreign, unresolved, { ...unresolved, code: 'figure-disagrees' }]);
    const dates = actions.filter((a) => a.title.startsWith('Corpus Lens: Set'));
    assert.deepEqual(dates.map((a) => [a.isPreferred, a.diagnostics]), [[true, [unresolved]], [undefined, [unresolved]], [undefined, [unresolved]], [undefined, [unresolved]]]);
  });

  it('open the ledger of a disagreeing figure for a client that runs that command', async () => {
    const { ask } = setup();
    const figure: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, source: 'Corpus Lens', code: 'figure-disagrees', message: 'x', data: { measure: 'workers' } };
    const odd: Diagnostic = { ...figure, data: { measure: 7 } };
    const caps = { commands: new Set([ClientCommands.showLedger]) };
    const actions = await ask(65, caps, [figure, odd, { ...figure, data: undefined }]);
    assert.deepEqual(actions.at(-1), { title: 'Corpus Lens: Open the ledger of workers', kind: 'quickfix', diagnostics: [figure], isPreferred: true, command: { title: 'Open ledger', command: ClientCommands.showLedger, arguments: ['workers'] } });
    assert.equal(actions.filter((a) => a.command?.command === ClientCommands.showLedger).length, 1);
    assert.equal((await ask(65, {}, [figure])).some((a) => a.command?.command === ClientCommands.showLedger), false);
  });

  it('run the server’s command for a client that cannot create the file', async () => {
    const corpus = corpusOf([URI, article('', MARROW)]);
    const docs = new DocumentLookup(new TextDocuments(TextDocument), corpus);
    const plan = async (_uri: string, edits: CorrectionEdit[]) => edits.map((e) => ({ fileUri: FILE, newText: JSON.stringify(e) }));
    const actions = await provideCodeActions({ textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, corpus, docs, { caps: NO_CAPABILITIES, plan }, token);
    assert.deepEqual(actions[0], { title: 'Corpus Lens: “Ilse Marrow” is not an entity (everywhere)', kind: 'quickfix', command: { title: 'Corpus Lens: “Ilse Marrow” is not an entity (everywhere)', command: APPLY_CORRECTION_COMMAND, arguments: [URI, { kind: 'notEntity', value: 'Ilse Marrow' }] } });
  });

  it('offer nothing for an unknown document', async () => {
    const { corpus } = setup();
    const docs = new DocumentLookup(new TextDocuments(TextDocument), corpus);
    const plan = async () => assert.fail('nothing to plan');
    assert.deepEqual(await provideCodeActions({ textDocument: { uri: 'file:///w/none.txt' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, corpus, docs, { caps: NO_CAPABILITIES, plan }, token), []);
  });
});
