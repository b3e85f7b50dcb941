import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { SERVER_JS } from '../support/stdioServer';

/** Frames a JSON-RPC message as the base protocol does. */
function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const INITIALIZE = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));

/** Runs the bundled server over stdio, writes `input`, and reports how it ended within `ms`. */
async function feed(input: string, ms = 5000): Promise<{ code: number | null; stderr: string; stdout: string; elapsed: number }> {
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => (stdout += d));
  const started = Date.now();
  child.stdin.write(input);
  const timer = setTimeout(() => child.kill(), ms);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stderr, stdout, elapsed: Date.now() - started };
}

describe('a broken message stream over stdio', () => {
  for (const [name, input] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a header line without a colon', 'hello world\r\n\r\n'],
    ['garbage after a good message', `${INITIALIZE}GET / HTTP/1.1\r\nHost\r\n\r\n`],
  ]) {
    it(`exits at once with a clear message on ${name}`, async () => {
      const { code, stderr, elapsed } = await feed(input);
      assert.equal(code, 1, `exit code; stderr: ${stderr}`);
      assert.ok(elapsed < 4000, `took ${elapsed} ms`);
      assert.match(stderr, /Corpus Lens: the message stream from the editor is broken \(.+\); the server exits/);
    });
  }

  it('goes on after a well-framed message whose body is not JSON, and answers the next request', async () => {
    const { stderr, stdout } = await feed(`${frame('{not json')}${INITIALIZE}`, 3000);
    assert.match(stderr, /ignored a message that is not JSON/);
    assert.match(stdout, /"id":1,"result":\{"capabilities"/);
  });
});
