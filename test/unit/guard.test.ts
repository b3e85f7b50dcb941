import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { guardWith } from '../../server/src/lsp/guard';

/** A guard that records its log lines and how often its `before` hook ran. */
function guarded() {
  const logs: string[] = [];
  let befores = 0;
  const guard = guardWith((m) => logs.push(m), () => {
    befores++;
  });
  return { guard, logs, befores: () => befores };
}

function live(): CancellationToken {
  return new CancellationTokenSource().token;
}

function cancelledToken(): CancellationToken {
  const source = new CancellationTokenSource();
  source.cancel();
  return source.token;
}

function assertCancelled(result: unknown): void {
  assert.ok(result instanceof ResponseError, `expected an error, got ${JSON.stringify(result)}`);
  assert.equal(result.code, LSPErrorCodes.RequestCancelled);
}

describe('the request guard', () => {
  it('answers a request cancelled before it runs with RequestCancelled, without running it', async () => {
    const { guard, befores } = guarded();
    let ran = false;
    const handler = guard('hover', null, () => {
      ran = true;
      return 'answer';
    });
    assertCancelled(await handler({}, cancelledToken()));
    assert.equal(ran, false);
    assert.equal(befores(), 0);
  });

  it('drops the result of a request cancelled while it ran', async () => {
    const { guard } = guarded();
    const source = new CancellationTokenSource();
    const handler = guard('references', [], async () => {
      source.cancel();
      return ['a result nobody wants'];
    });
    assertCancelled(await handler({}, source.token));
  });

  it('reports an exception thrown after cancellation as a cancellation, not a failure', async () => {
    const { guard, logs } = guarded();
    const source = new CancellationTokenSource();
    const handler = guard('export', null, () => {
      source.cancel();
      throw new Error('export cancelled');
    });
    assertCancelled(await handler({}, source.token));
    assert.deepEqual(logs, []);
  });

  it('turns an exception into RequestFailed naming the feature, and logs the stack', async () => {
    const { guard, logs } = guarded();
    const handler = guard('outline', [], () => {
      throw new Error('boom');
    });
    const result = await handler({}, live());
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestFailed);
    assert.equal(result.message, 'Corpus Lens outline failed: boom');
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^\[error\] outline: Error: boom\n\s+at /);
  });

  it('reports a thrown non-Error by its text', async () => {
    const { guard, logs } = guarded();
    const result = await guard('ledger', null, () => {
      throw 'plain text';
    })({}, live());
    assert.ok(result instanceof ResponseError);
    assert.equal(result.message, 'Corpus Lens ledger failed: plain text');
    assert.deepEqual(logs, ['[error] ledger: plain text']);
  });

  it('answers the empty value for a handler that returns nothing, and passes other answers through', async () => {
    const { guard } = guarded();
    assert.deepEqual(await guard('outline', [], () => undefined as unknown as string[])({}, live()), []);
    assert.equal(await guard('hover', null, () => undefined as unknown as null)({}, live()), null);
    assert.deepEqual(await guard('outline', [], () => ['x'])({}, live()), ['x']);
    assert.equal(await guard('count', 0, () => 0)({}, live()), 0);
  });

  it('runs the before hook once per request, before the handler', async () => {
    const { guard, befores } = guarded();
    let seen = -1;
    await guard('hover', null, () => {
      seen = befores();
      return null;
    })({}, live());
    assert.equal(seen, 1);
  });

  it('reads a request sent without params (the token comes first) as empty params', async () => {
    const { guard } = guarded();
    let got: unknown = 'unset';
    let token: CancellationToken | undefined;
    const handler = guard('measures', [], (params: unknown, t) => {
      got = params;
      token = t;
      return ['m'];
    });
    const source = new CancellationTokenSource();
    const call = handler as unknown as (token: CancellationToken) => Promise<unknown>;
    assert.deepEqual(await call(source.token), ['m']);
    assert.equal(got, undefined);
    assert.equal(token, source.token);
    source.cancel();
    assertCancelled(await call(source.token));
  });
});
