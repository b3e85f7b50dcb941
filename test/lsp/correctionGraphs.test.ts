import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, type Hover, HoverRequest, type Location, ReferencesRequest } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { parseCorrections } from '../../server/src/corpus/corrections';
import { APPLY_CORRECTION_COMMAND, EntitiesRequest, ExportRequest } from '../../server/src/protocol';
import { startStdioServer } from '../support/stdioServer';
import { startTestServer, uriOf, type TestServer } from './harness';

// Invented articles: three people, nine mentions between them.
const A = 'Harbour Talks Resume\ndate 2024-03-05\n\nTomas Brack met Ilse Marrow and Odile Farrance at the port on Tuesday. Ms Marrow said the talks would go on, and Mr Brack agreed.\n';
const B = 'Port Deal Near\ndate 2024-03-06\n\nOdile Farrance said a deal was near. Tomas Brack and Ilse Marrow signed the draft, and Ms Farrance thanked them.\n';

describe('merge graphs in every feature (bundled server)', () => {
  let work: string;
  before(() => (work = mkdtempSync(path.join(tmpdir(), 'corpus-lens-merges-'))));
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const [name, merge] of [
    ['overlapping merges (A+B, B+C, C+A)', [['person:tomas brack', 'person:ilse marrow'], ['person:ilse marrow', 'person:odile farrance'], ['person:odile farrance', 'person:tomas brack']]],
    ['merges through surname keys that point back at each other', [['person:~brack', 'person:~marrow'], ['person:tomas brack', 'person:~farrance'], ['person:odile farrance', 'person:~brack'], ['person:~marrow', 'person:~farrance']]],
  ] as const) {
    it(`gives hover, references, the view and the export one answer for ${name}`, async () => {
      const folder = path.join(work, name.replace(/\W+/g, '-'));
      const { mkdirSync } = await import('node:fs');
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'a.txt'), A);
      writeFileSync(path.join(folder, 'b.txt'), B);
      writeFileSync(path.join(folder, '.corpuslens.json'), JSON.stringify({ version: 1, merge: merge.map((entities) => ({ entities })) }));
      const server = await startStdioServer(folder);
      try {
        await server.ready;
        const uri = URI.file(path.join(folder, 'a.txt')).toString();
        const at = A.indexOf('Brack agreed') + 1;
        const position = { line: 3, character: at - A.lastIndexOf('\n', at) - 1 };
        const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover;
        assert.match((hover.contents as { value: string }).value, /9 mentions in 2 articles/);
        const refs = (await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
        assert.equal(refs.length, 9);
        const people = await server.connection.sendRequest(EntitiesRequest, { kind: 'person' });
        assert.deepEqual(people.map((p) => p.mentions), [9]);
        const out = path.join(work, `${path.basename(folder)}.jsonl`);
        await server.connection.sendRequest(ExportRequest, { format: 'jsonl', path: out });
        const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
        const entity = records.filter((r) => r.record === 'entity' && r.type === 'PERSON');
        assert.equal(entity.length, 1);
        assert.equal(entity[0].mentions, 9);
        assert.equal(records.filter((r) => r.record === 'mention' && r.entity === entity[0].entity).length, 9);
        assert.equal(people[0].id, entity[0].entity);
        if (name.startsWith('overlapping')) assert.ok(server.logs.some((l) => /merges 1, 2, 3 share entities and are joined as one/.test(l)), server.logs.join('\n'));
      } finally {
        await server.stop();
      }
    });
  }
});

describe('malformed correction commands', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('are refused with a message and leave a valid corrections file as it was', async () => {
    const valid = JSON.stringify({ version: 1, notEntity: ['Harbour'] });
    server = await startTestServer({ 'a.txt': A, '.corpuslens.json': valid });
    await server.waitForIndex();
    const malformed: unknown[][] = [
      [],
      [uriOf('a.txt')],
      [uriOf('a.txt'), null],
      [uriOf('a.txt'), 'notEntity'],
      [uriOf('a.txt'), { kind: 'explode' }],
      [uriOf('a.txt'), { kind: 'merge', entities: 'person:tomas brack' }],
      [uriOf('a.txt'), { kind: 'merge', entities: ['person:tomas brack'] }],
      [uriOf('a.txt'), { kind: 'merge', entities: ['person:tomas brack', 'person:tomas brack'] }],
      [uriOf('a.txt'), { kind: 'merge', entities: [1, 2] }],
      [uriOf('a.txt'), { kind: 'merge', entities: ['a', 'b'], name: { toString: 'x' } }],
      [uriOf('a.txt'), { kind: 'split' }],
      [uriOf('a.txt'), { kind: 'split', entity: '' }],
      [uriOf('a.txt'), { kind: 'notEntity', value: 'x'.repeat(600) }],
      [uriOf('a.txt'), { kind: 'articleDate', file: 'a.txt', date: '2024-02-30' }],
      [uriOf('a.txt'), { kind: 'articleDate', file: 'a.txt', date: 'yesterday' }],
      [uriOf('a.txt'), { kind: 'articleDate', date: '2024-03-05' }],
      [42, { kind: 'notEntity', value: 'Tomas Brack' }],
    ];
    for (const args of malformed) {
      const answer = (await server.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: args })) as { ok?: true; problem?: string };
      assert.ok(answer && typeof answer.problem === 'string' && !answer.ok, `${JSON.stringify(args).slice(0, 120)} was answered ${JSON.stringify(answer)}`);
      assert.equal(server.source.files.get('/corpus/.corpuslens.json'), valid, `${JSON.stringify(args).slice(0, 120)} changed the file`);
    }
    assert.ok(server.messages.some((m) => /the correction is malformed/.test(m)), server.messages.join('\n'));
    // The corrections still apply, and a good command still works.
    const good = (await server.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_CORRECTION_COMMAND, arguments: [uriOf('a.txt'), { kind: 'notEntity', value: 'Tomas Brack' }] })) as { ok?: true };
    assert.deepEqual(good, { ok: true });
    const parsed = parseCorrections(server.source.files.get('/corpus/.corpuslens.json') as string);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.corrections.notEntity.sort(), ['Harbour', 'Tomas Brack']);
  });
});
