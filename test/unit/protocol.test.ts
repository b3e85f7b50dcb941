import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as protocol from '../../server/src/protocol';

// The protocol module is the contract other editors read (README, "Other editors"): its
// method names are checked against what the README promises, and its client commands
// against what the extension contributes.
const root = path.resolve(__dirname, '../../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const otherEditors = readme.slice(readme.indexOf('## Other editors'), readme.indexOf('\n## ', readme.indexOf('## Other editors') + 1));
const contributed = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);

/** Every request and notification type the module exports, by export name. */
const messages = (Object.entries(protocol) as [string, unknown][]).filter((entry): entry is [string, { method: string; numberOfParams: number }] => {
  const value = entry[1] as { method?: unknown } | null;
  return typeof value === 'object' && value !== null && typeof value.method === 'string';
});

describe('the protocol module', () => {
  it('names each request and notification once, under corpusLens/', () => {
    const methods = messages.map(([, m]) => m.method);
    assert.ok(methods.length >= 10, methods.join(', '));
    assert.deepEqual(methods.filter((m) => !/^corpusLens\/([a-z][A-Za-z]+\/)?[a-z][A-Za-z]+$/.test(m)), []);
    assert.equal(new Set(methods).size, methods.length);
  });

  it('declares exactly the methods the README gives other editors', () => {
    const documented = [...new Set(otherEditors.match(/corpusLens\/[A-Za-z]+(\/[A-Za-z]+)?/g))].sort();
    assert.deepEqual(messages.map(([, m]) => m.method).sort(), documented);
    assert.ok(otherEditors.includes(`\`${protocol.APPLY_CORRECTION_COMMAND}\``), 'the server command is documented');
  });

  it('names a notification and requests as such, each exported under the name of its kind', () => {
    for (const [name, message] of messages) {
      assert.ok(name.endsWith('Request') || name.endsWith('Notification'), name);
      assert.equal(message instanceof (protocol.StatusNotification.constructor as new () => unknown), name.endsWith('Notification'), name);
    }
    // Requests a client sends without params take none.
    for (const request of [protocol.WaitForIndexRequest, protocol.ReindexRequest, protocol.ServerInfoRequest, protocol.MeasuresRequest]) assert.equal(request.numberOfParams, 0, request.method);
    for (const request of [protocol.EntitiesRequest, protocol.TimelineRequest, protocol.LedgerRequest, protocol.ExportRequest]) assert.equal(request.numberOfParams, 1, request.method);
  });

  it('links hovers and quick fixes only to commands the extension contributes', () => {
    const commands = Object.values(protocol.ClientCommands);
    assert.deepEqual(commands.filter((c) => !contributed.includes(c)), []);
    assert.deepEqual(Object.keys(protocol.ClientCommands).map((k) => `corpusLens.${k}`), commands);
    assert.equal(contributed.includes(protocol.APPLY_CORRECTION_COMMAND), false, 'the server command is not a palette command');
    assert.match(protocol.APPLY_CORRECTION_COMMAND, /^corpusLens\.server\./);
  });
});
