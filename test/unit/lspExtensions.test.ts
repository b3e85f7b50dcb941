import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const protocol = readFileSync(path.join(root, 'server/src/protocol.ts'), 'utf8');
const doc = readFileSync(path.join(root, 'docs/lsp-extensions.md'), 'utf8');

describe('docs/lsp-extensions.md', () => {
  it('documents every request, notification and command that protocol.ts declares', () => {
    const methods = [...protocol.matchAll(/new (?:RequestType0?|NotificationType0?|ProtocolRequestType0?|ProtocolNotificationType0?)<[^;]*?>\('([^']+)'\)/g)].map((m) => m[1]);
    const commands = [...protocol.matchAll(/^\s*(?:export const \w+ = |\w+: )'(corpusLens\.[\w.]+)'/gm)].map((m) => m[1]);
    assert.ok(methods.length >= 10, `found ${methods.length} methods`);
    assert.ok(commands.length >= 5, `found ${commands.length} commands`);
    const missing = [...methods, ...commands].filter((name) => !doc.includes(`\`${name}\``));
    assert.deepEqual(missing, []);
  });

  it('documents every exported interface of the protocol by its fields', () => {
    // Each interface's first field appears in the document, so a new payload type is not left out.
    const interfaces = [...protocol.matchAll(/export interface (\w+) \{\s*(?:\/\*\*[^]*?\*\/\s*)?(\w+)\??:/g)].map((m) => ({ name: m[1], field: m[2] }));
    assert.ok(interfaces.length >= 10);
    const missing = interfaces.filter((i) => !new RegExp(`\\b${i.field}\\??:`).test(doc)).map((i) => `${i.name}.${i.field}`);
    assert.deepEqual(missing, []);
  });
});
