import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { guardWith } from '../../server/src/lsp/guard';

// The request guard while the workspace brings a document up to date (its `before` hook): a
// request cancelled meanwhile never reaches its handler, and the guard leaves no listener on
// the request's token behind.

function assertCancelled(result: unknown): void {
  assert.ok(result instanceof ResponseError, `expected an error, got ${JSON.stringify(result)}`);
  assert.equal(result.code, LSPErrorCodes.RequestCancelled);
  assert.equal(result.message, 'cancelled');
}

/** A live token that counts the cancellation listeners added to it and still attached. */
function countingToken() {
  const source = new CancellationTokenSource();
  let attached = 0;
  const token: CancellationToken = {
    get isCancellationRequested() {
      return source.token.isCancellationRequested;
    },
    onCancellationRequested: (listener, thisArgs, disposables) => {
      attached++;
      const inner = source.token.onCancellationRequested(listener, thisArgs, disposables);
      return { dispose: () => (attached--, inner.dispose()) };
    },
  };
  return { token, source, attached: () => attached };
}

describe('the request guard and its before hook', () => {
  it('does not run the handler of a request cancelled while the hook brought its document up to date', async () => {
    const source = new CancellationTokenSource();
    const seen: (string | undefined)[] = [];
    const guard = guardWith(
      () => undefined,
      async (uri) => {
        seen.push(uri);
        source.cancel();
      },
    );
    let ran = false;
    const result = await guard('hover', null, () => {
      ran = true;
      return 'stale answer';
    })({ textDocument: { uri: 'file:///a.txt' }, position: { line: 0, character: 0 } }, source.token);
    assertCancelled(result);
    assert.equal(ran, false);
    assert.deepEqual(seen, ['file:///a.txt']);
  });

  it('stops waiting for a slow hook when the request is cancelled', async () => {
    const source = new CancellationTokenSource();
    let release!: () => void;
    const guard = guardWith(() => undefined, () => new Promise<void>((resolve) => (release = resolve)));
    let ran = false;
    const pending = guard('references', [], () => {
      ran = true;
      return ['late'];
    })({ textDocument: { uri: 'file:///big.txt' } }, source.token);
    setImmediate(() => source.cancel());
    assertCancelled(await pending);
    assert.equal(ran, false);
    release();
  });

  it('removes the cancellation listener it added once the hook is done', async () => {
    const { token, attached } = countingToken();
    const guard = guardWith(() => undefined, async () => undefined);
    const outline = guard('outline', [], () => ['x']);
    for (let i = 0; i < 3; i++) assert.deepEqual(await outline({ textDocument: { uri: 'file:///a.txt' } }, token), ['x']);
    assert.equal(attached(), 0);
  });

  it('reads params whose fields happen to look like a token as params, and null params as none', async () => {
    const uris: (string | undefined)[] = [];
    const guard = guardWith(
      () => undefined,
      (uri) => void uris.push(uri),
    );
    const hostile = { isCancellationRequested: true, onCancellationRequested: 'not a function' };
    let got: unknown;
    const answer = await guard('entities', [], (params: unknown) => ((got = params), ['ran']))(hostile, new CancellationTokenSource().token);
    assert.deepEqual(answer, ['ran']);
    assert.equal(got, hostile);
    assert.deepEqual(await guard('entities', [], () => ['ran'])(null, new CancellationTokenSource().token), ['ran']);
    assert.deepEqual(await guard('entities', [], () => ['ran'])('text' as unknown, new CancellationTokenSource().token), ['ran']);
    assert.deepEqual(uris, [undefined, undefined, undefined]);
  });
});
