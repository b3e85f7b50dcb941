import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NO_CAPABILITIES } from '../../server/src/lsp/capabilities';
import { correctionWorkspaceEdit, smallestEdit } from '../../server/src/lsp/correctionEdits';

// A correction as the edit the editor applies to .corpuslens.json: the smallest replacement,
// versioned when the buffer is open, a missing file created first.

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

/** Applies the edit to the old text, to check it really gives the new one. */
function check(oldText: string, newText: string, expected: { range: ReturnType<typeof range>; newText: string }): void {
  const edit = smallestEdit(oldText, newText);
  assert.deepEqual(edit, expected, `${JSON.stringify(oldText)} → ${JSON.stringify(newText)}`);
  assert.equal(TextDocument.applyEdits(TextDocument.create('untitled:x', 'json', 0, oldText), [edit]), newText);
}

describe('the smallest edit', () => {
  it('replace only what differs, across lines, keeping the common start and end', () => {
    check('{\n  "notEntity": [\n    "Quay"\n  ]\n}\n', '{\n  "notEntity": [\n    "Mon",\n    "Quay"\n  ]\n}\n', { range: range(2, 5, 2, 5), newText: 'Mon",\n    "' });
    check('{\r\n  "a": 1\r\n}', '{\r\n  "a": 2\r\n}', { range: range(1, 7, 1, 8), newText: '2' });
    check('abc', 'abc', { range: range(0, 3, 0, 3), newText: '' });
    check('', 'new', { range: range(0, 0, 0, 0), newText: 'new' });
    check('old', '', { range: range(0, 0, 0, 3), newText: '' });
    check('xyz', 'abc', { range: range(0, 0, 0, 3), newText: 'abc' });
  });

  it('let a repeated letter at the seam count once, at the start or the end', () => {
    check('aa', 'aaa', { range: range(0, 2, 0, 2), newText: 'a' });
    check('aaa', 'aa', { range: range(0, 2, 0, 3), newText: '' });
    check('ab', 'aXb', { range: range(0, 1, 0, 1), newText: 'X' });
    check('a\nb', 'a\nc\nb', { range: range(1, 0, 1, 0), newText: 'c\n' });
  });

  it('never split a surrogate pair, at the start or at the end', () => {
    // 😀 and 😁 share their first half; 😀 and 🨀 share their second.
    check('a😀b', 'a😁b', { range: range(0, 1, 0, 3), newText: '😁' });
    check('\uD83D\uDE00', '\uD83E\uDE00', { range: range(0, 0, 0, 2), newText: '\uD83E\uDE00' });
    check('x😀y', 'x😀z', { range: range(0, 3, 0, 4), newText: 'z' });
    // The first and last second halves: U+10000 and U+103FF.
    check('a\uD800\uDC00b', 'a\uD800\uDFFFb', { range: range(0, 1, 0, 3), newText: '\uD800\uDFFF' });
    check('a\uD800\uDFFFb', 'a\uD800\uDC00b', { range: range(0, 1, 0, 3), newText: '\uD800\uDC00' });
    // A lone second half at the very start is no pair to step back into.
    check('\uDE00a', 'xa', { range: range(0, 0, 0, 1), newText: 'x' });
  });
});

describe('correction workspace edits', () => {
  const full = { ...NO_CAPABILITIES, documentChanges: true, createFiles: true };
  const file = 'file:///w/.corpuslens.json';

  it('create a missing file and insert the text, only for a client that can', () => {
    const plan = { fileUri: file, newText: '{}\n' };
    assert.deepEqual(correctionWorkspaceEdit(plan, full), {
      documentChanges: [
        { kind: 'create', uri: file, options: { ignoreIfExists: true } },
        { textDocument: { uri: file, version: null }, edits: [{ range: range(0, 0, 0, 0), newText: '{}\n' }] },
      ],
    });
    assert.equal(correctionWorkspaceEdit(plan, { ...full, createFiles: false }), undefined);
    assert.equal(correctionWorkspaceEdit(plan, { ...full, documentChanges: false }), undefined);
    assert.equal(correctionWorkspaceEdit(plan, NO_CAPABILITIES), undefined);
  });

  it('edit an existing file, versioned against the open buffer, or as plain changes', () => {
    const edit = { range: range(0, 1, 0, 1), newText: 'x' };
    assert.deepEqual(correctionWorkspaceEdit({ fileUri: file, oldText: '{}', version: 4, newText: '{x}' }, full), { documentChanges: [{ textDocument: { uri: file, version: 4 }, edits: [edit] }] });
    assert.deepEqual(correctionWorkspaceEdit({ fileUri: file, oldText: '{}', newText: '{x}' }, full), { documentChanges: [{ textDocument: { uri: file, version: null }, edits: [edit] }] });
    assert.deepEqual(correctionWorkspaceEdit({ fileUri: file, oldText: '{}', version: 4, newText: '{x}' }, NO_CAPABILITIES), { changes: { [file]: [edit] } });
    assert.deepEqual(correctionWorkspaceEdit({ fileUri: file, oldText: '', newText: '{}' }, NO_CAPABILITIES), { changes: { [file]: [{ range: range(0, 0, 0, 0), newText: '{}' }] } }, 'an empty file exists');
  });
});
