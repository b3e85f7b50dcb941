import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { emptyCorrections, parseCorrections, serializeCorrections, type Corrections } from '../../server/src/corpus/corrections';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { FolderCorrections, SAFE_MODE_PROBLEM, fileUriOf } from '../../server/src/workspace/folderCorrections';
import { Folders, type Folder } from '../../server/src/workspace/folders';
import { DEFAULT_SETTINGS } from '../../server/src/workspace/settings';

// Each folder's .corpuslens.json as FolderCorrections reads, plans and writes it, over an
// in-memory source: which text wins (buffer or disk), what is refused and with which words.

const uri = (p: string) => URI.file(p).toString();
const folder = (fsPath: string): Folder => ({ uri: uri(fsPath), fsPath, settings: DEFAULT_SETTINGS });
const fileText = (c: Partial<Corrections>) => serializeCorrections({ ...emptyCorrections(), ...c });

function setup(files: Record<string, string> = {}, paths = ['/w/a', '/w/b'], safe = false) {
  const source = new MemoryArticleSource(files);
  const folders = new Folders();
  folders.set(paths.map(folder));
  const logs: string[] = [];
  const warnings: string[] = [];
  const fc = new FolderCorrections(source, folders, { log: (m) => logs.push(m), warn: (m) => warnings.push(m) }, () => safe);
  return { source, folders, fc, logs, warnings, a: folders.all()[0], b: folders.all()[1] };
}

describe('folder corrections', () => {
  it('name the corrections file at the root of each folder, and no other file', () => {
    const { fc, a } = setup();
    assert.equal(fileUriOf(a), 'file:///w/a/.corpuslens.json');
    assert.equal(fc.isCorrectionsFile('file:///w/a/.corpuslens.json'), true);
    assert.equal(fc.isCorrectionsFile('file:///w/b/.corpuslens.json'), true);
    assert.equal(fc.isCorrectionsFile('file:///w/a/sub/.corpuslens.json'), false);
    assert.equal(fc.isCorrectionsFile('file:///w/.corpuslens.json'), false);
  });

  it('load each folder’s file: absent, valid, or invalid (reported once, counted as empty)', async () => {
    const valid = fileText({ notEntity: ['Quay'] });
    const { fc, a, b, logs, warnings } = setup({ '/w/a/.corpuslens.json': valid, '/w/b/.corpuslens.json': '{' });
    await fc.load();
    assert.deepEqual(a.corrections?.notEntity, ['Quay']);
    assert.deepEqual(b.corrections, emptyCorrections());
    const problem = (parseCorrections('{') as { problem: string }).problem;
    assert.deepEqual(fc.fileStates(), [
      { uri: 'file:///w/a/.corpuslens.json', text: valid },
      { uri: 'file:///w/b/.corpuslens.json', text: '{', problem, at: { offset: 1, length: 1 } },
    ]);
    const message = `${problem}. Corrections are off until it is fixed or deleted; Corpus Lens will not overwrite it.`;
    assert.deepEqual(logs, [message]);
    assert.deepEqual(warnings, [`Corpus Lens: ${message}`]);

    const { fc: none, a: bare } = setup({}, ['/w/a']);
    await none.load();
    assert.deepEqual(none.fileStates(), [{ uri: 'file:///w/a/.corpuslens.json', text: undefined }]);
    assert.deepEqual(bare.corrections, emptyCorrections());
  });

  it('let an open buffer win over the disk, keep the last valid corrections while it is invalid, and fall back when closed', async () => {
    const disk = fileText({ notEntity: ['Disk'] });
    const { fc, a, logs } = setup({ '/w/a/.corpuslens.json': disk }, ['/w/a']);
    const file = fileUriOf(a);
    fc.setBuffer(file, { text: fileText({ notEntity: ['Buffer'] }), version: 3 });
    await fc.load();
    assert.deepEqual(a.corrections?.notEntity, ['Buffer']);
    assert.deepEqual(fc.fileStates(), [{ uri: file, text: fileText({ notEntity: ['Buffer'] }), version: 3 }]);

    fc.setBuffer(file, { text: '{"version": 2}', version: 4 });
    await fc.load();
    assert.deepEqual(a.corrections?.notEntity, ['Buffer'], 'the last valid corrections stay while typing');
    assert.deepEqual(fc.fileStates(), [{ uri: file, text: '{"version": 2}', version: 4, problem: '.corpuslens.json: "version" must be 1', at: { offset: 12, length: 1 } }]);
    assert.deepEqual(logs, [], 'an invalid buffer is not logged as a broken file');

    fc.setBuffer(file, undefined);
    await fc.load();
    assert.deepEqual(a.corrections?.notEntity, ['Disk']);
    assert.deepEqual(fc.fileStates(), [{ uri: file, text: disk }]);
  });

  it('log an invalid file to a client that takes no warnings', async () => {
    const source = new MemoryArticleSource({ '/w/a/.corpuslens.json': '{' });
    const folders = new Folders();
    folders.set([folder('/w/a')]);
    const logs: string[] = [];
    await new FolderCorrections(source, folders, { log: (m) => logs.push(m) }, () => false).load();
    assert.match(logs.join('\n'), /^\.corpuslens\.json is not valid JSON .*Corpus Lens will not overwrite it\.$/);
  });

  it('start from empty corrections when the first buffer seen is invalid', async () => {
    const { fc, a } = setup({}, ['/w/a']);
    fc.setBuffer(fileUriOf(a), { text: '[', version: 1 });
    await fc.load();
    assert.deepEqual(a.corrections, emptyCorrections());
  });

  it('adopt an applied edit’s text until the buffer or the file says otherwise, and only for a folder’s file', async () => {
    const { fc, a, b } = setup({}, ['/w/a', '/w/b']);
    await fc.load();
    const edited = fileText({ notEntity: ['Adopted'] });
    fc.adopt(fileUriOf(b), edited);
    assert.deepEqual(b.corrections?.notEntity, ['Adopted']);
    assert.deepEqual(fc.fileStates()[1], { uri: fileUriOf(b), text: edited });
    assert.deepEqual(a.corrections?.notEntity, []);

    fc.adopt(fileUriOf(a), '{ not json');
    assert.deepEqual(a.corrections?.notEntity, [], 'invalid text is not adopted');
    fc.adopt('file:///w/a/other.json', edited);
    assert.deepEqual(a.corrections?.notEntity, [], 'not a corrections file');
    fc.setBuffer(fileUriOf(a), { text: '', version: 1 });
    fc.adopt(fileUriOf(a), edited);
    assert.deepEqual(a.corrections?.notEntity, [], 'an open buffer brings its own text');

    const safe = setup({}, ['/w/a'], true);
    safe.fc.adopt(fileUriOf(safe.a), edited);
    assert.equal(safe.a.corrections, undefined, 'nothing in safe mode');
  });

  it('read nothing in safe mode', async () => {
    const { fc, a, source } = setup({ '/w/a/.corpuslens.json': fileText({ notEntity: ['Quay'] }) }, ['/w/a'], true);
    await fc.load();
    assert.equal(a.corrections, undefined);
    assert.deepEqual(fc.fileStates(), []);
    assert.equal(source.reads, 0);
  });

  it('fingerprint the corrections and the article dates of every folder', async () => {
    const { fc, a, b } = setup({ '/w/a/.corpuslens.json': fileText({ notEntity: ['Quay'], articleDates: Object.assign(Object.create(null), { 'x.txt': '2024-01-02' }) }) });
    assert.equal(fc.fingerprint(), JSON.stringify(['', '']));
    assert.equal(fc.datesFingerprint(), '[[],[]]');
    await fc.load();
    assert.equal(fc.fingerprint(), JSON.stringify([serializeCorrections(a.corrections!), serializeCorrections(b.corrections!)]));
    assert.equal(fc.datesFingerprint(), '[[["x.txt","2024-01-02"]],[]]');
  });

  it('turn every folder’s corrections into what the corpus applies, files as uris', () => {
    const { fc, a, b } = setup();
    a.corrections = { ...emptyCorrections(), merge: [{ entities: ['person:a', 'person:b'], name: 'A B' }], split: [{ entity: 'org:x' }, { entity: 'org:y', file: 'sub/one.txt' }, { entity: 'org:z', file: 'sub/one.txt' }], notEntity: ['Quay', 'Mon'] };
    b.corrections = { ...emptyCorrections(), merge: [{ entities: ['place:c', 'place:d'] }], split: [{ entity: 'org:y', file: 'two.txt' }] };
    const applied = fc.applied();
    assert.deepEqual(applied.merges, [{ ids: ['person:a', 'person:b'], name: 'A B' }, { ids: ['place:c', 'place:d'], name: undefined }]);
    assert.deepEqual([...applied.noJoin], ['org:x']);
    assert.deepEqual([...applied.splitIn].map(([k, v]) => [k, [...v]]), [['file:///w/a/sub/one.txt', ['org:y', 'org:z']], ['file:///w/b/two.txt', ['org:y']]]);
    assert.deepEqual([...applied.notEntity], ['quay', 'mon']);
    assert.deepEqual(setup().fc.applied(), { merges: [], noJoin: new Set(), splitIn: new Map(), notEntity: new Set() });
  });
});

describe('planning corrections', () => {
  it('plan each edit against the file of the document’s folder, reading each file once', async () => {
    const disk = fileText({ notEntity: ['Quay'] });
    const { fc, source } = setup({ '/w/b/.corpuslens.json': disk });
    let reads = 0;
    const read = source.readCorrections.bind(source);
    source.readCorrections = (f) => (reads++, read(f));
    const plans = await fc.plan(uri('/w/b/x.txt'), [{ kind: 'notEntity', value: 'Mon' }, { kind: 'split', entity: 'org:y', file: uri('/w/b/sub/x.txt') }, { kind: 'articleDate', file: 'rel/y.txt', date: '2024-02-03' }]);
    assert.equal(reads, 1);
    assert.deepEqual(plans, [
      { fileUri: 'file:///w/b/.corpuslens.json', oldText: disk, version: undefined, newText: fileText({ notEntity: ['Mon', 'Quay'] }) },
      { fileUri: 'file:///w/b/.corpuslens.json', oldText: disk, version: undefined, newText: fileText({ notEntity: ['Quay'], split: [{ entity: 'org:y', file: 'sub/x.txt' }] }) },
      { fileUri: 'file:///w/b/.corpuslens.json', oldText: disk, version: undefined, newText: fileText({ notEntity: ['Quay'], articleDates: Object.assign(Object.create(null), { 'rel/y.txt': '2024-02-03' }) }) },
    ]);
  });

  it('create the file when absent, put files outside every folder in the first, and plan against an open buffer', async () => {
    const { fc, a } = setup();
    assert.deepEqual(await fc.plan('untitled:Untitled-1', [{ kind: 'notEntity', value: 'Mon' }]), [
      { fileUri: 'file:///w/a/.corpuslens.json', oldText: undefined, version: undefined, newText: fileText({ notEntity: ['Mon'] }) },
    ]);
    const buffer = fileText({ notEntity: ['Unsaved'] });
    fc.setBuffer(fileUriOf(a), { text: buffer, version: 9 });
    assert.deepEqual(await fc.plan(uri('/w/a/x.txt'), [{ kind: 'notEntity', value: 'Mon' }]), [
      { fileUri: 'file:///w/a/.corpuslens.json', oldText: buffer, version: 9, newText: fileText({ notEntity: ['Mon', 'Unsaved'] }) },
    ]);
    // A file read without its text (the source kept none) is edited as an empty file, not created.
    const { fc: textless, source } = setup({}, ['/w/a']);
    source.readCorrections = async () => ({ state: 'ok', corrections: emptyCorrections() });
    assert.equal(((await textless.plan(uri('/w/a/x.txt'), [{ kind: 'notEntity', value: 'Mon' }]))[0] as { oldText?: string }).oldText, '');
    const { fc: empty } = setup({ '/w/a/.corpuslens.json': '' });
    assert.deepEqual((await empty.plan(uri('/w/a/x.txt'), [{ kind: 'notEntity', value: 'Mon' }]))[0], { fileUri: 'file:///w/a/.corpuslens.json', oldText: '', version: undefined, newText: fileText({ notEntity: ['Mon'] }) });
  });

  it('refuse malformed edits, invalid files and buffers, files outside the folders, safe mode, and no folder, each with its reason', async () => {
    const { fc, a } = setup({ '/w/b/.corpuslens.json': '{' });
    const [bad, noUri] = [await fc.plan(uri('/w/a/x.txt'), [{ kind: 'nope' }]), await fc.plan(42, [{ kind: 'notEntity', value: 'Mon' }])];
    assert.deepEqual(bad, [{ problem: 'the correction is malformed: unknown kind "nope" (expected merge, split, notEntity or articleDate)' }]);
    assert.deepEqual(noUri, [{ problem: 'the correction is malformed: the first argument must be a document uri' }]);
    const invalid = (parseCorrections('{') as { problem: string }).problem;
    assert.deepEqual(await fc.plan(uri('/w/b/x.txt'), [{ kind: 'notEntity', value: 'Mon' }]), [{ problem: `${invalid}; fix it first` }]);
    fc.setBuffer(fileUriOf(a), { text: '{', version: 2 });
    assert.deepEqual(await fc.plan(uri('/w/a/x.txt'), [{ kind: 'notEntity', value: 'Mon' }]), [{ problem: `${invalid}; fix it first` }]);
    assert.deepEqual(await fc.plan(uri('/w/b/x.txt'), [{ kind: 'articleDate', file: 'file:///elsewhere/y.txt', date: null }]), [{ problem: 'file:///elsewhere/y.txt is not in a workspace folder' }]);
    assert.deepEqual(await setup({}, ['/w/a'], true).fc.plan(uri('/w/a/x.txt'), [{ kind: 'notEntity', value: 'Mon' }]), [{ problem: SAFE_MODE_PROBLEM }]);
    assert.deepEqual(await setup({}, []).fc.plan(uri('/w/a/x.txt'), [{ kind: 'notEntity', value: 'Mon' }]), [{ problem: 'no workspace folder to keep corrections in' }]);
  });

  it('refuse a change that would make the file invalid', async () => {
    const full = fileText({ notEntity: Array.from({ length: 20_000 }, (_, i) => `w${i}`) });
    const { fc } = setup({ '/w/a/.corpuslens.json': full });
    assert.deepEqual(await fc.plan(uri('/w/a/x.txt'), [{ kind: 'notEntity', value: 'one more' }]), [{ problem: '.corpuslens.json would not be valid: "notEntity" must be a list of spellings or entity ids' }]);
  });
});

describe('recording corrections', () => {
  it('write the change into the file of the document’s folder, relative paths and all', async () => {
    const { fc, source, b } = setup({ '/w/b/.corpuslens.json': fileText({ notEntity: ['Quay'] }) });
    assert.deepEqual(await fc.record(uri('/w/b/x.txt'), { kind: 'split', entity: 'org:y', file: uri('/w/b/sub/x.txt') }), { folder: b });
    const written = fileText({ notEntity: ['Quay'], split: [{ entity: 'org:y', file: 'sub/x.txt' }] });
    assert.equal(source.files.get('/w/b/.corpuslens.json'), written);
    assert.deepEqual(b.corrections, parseCorrections(written).ok && (parseCorrections(written) as { corrections: Corrections }).corrections);
    assert.equal(source.files.has('/w/a/.corpuslens.json'), false);
  });

  it('write behind an open buffer only when it holds what is saved', async () => {
    const saved = fileText({ notEntity: ['Quay'] });
    const { fc, source, a } = setup({ '/w/a/.corpuslens.json': saved });
    fc.setBuffer(fileUriOf(a), { text: saved + ' ', version: 2 });
    assert.deepEqual(await fc.record(uri('/w/a/x.txt'), { kind: 'notEntity', value: 'Mon' }), { problem: '.corpuslens.json is open with changes the editor has not saved; Corpus Lens will not write behind it' });
    assert.equal(source.files.get('/w/a/.corpuslens.json'), saved);
    fc.setBuffer(fileUriOf(a), { text: saved, version: 3 });
    assert.deepEqual(await fc.record(uri('/w/a/x.txt'), { kind: 'notEntity', value: 'Mon' }), { folder: a });
    assert.equal(source.files.get('/w/a/.corpuslens.json'), fileText({ notEntity: ['Mon', 'Quay'] }));

    // An empty open buffer over an absent file holds what is saved: nothing.
    const fresh = setup({}, ['/w/a']);
    fresh.fc.setBuffer(fileUriOf(fresh.a), { text: '', version: 1 });
    assert.deepEqual(await fresh.fc.record(uri('/w/a/x.txt'), { kind: 'notEntity', value: 'Mon' }), { folder: fresh.a });
    assert.equal(fresh.source.files.get('/w/a/.corpuslens.json'), fileText({ notEntity: ['Mon'] }));
  });

  it('refuse what the file or the checks refuse, leaving the folder’s corrections alone', async () => {
    const { fc, source, a } = setup({ '/w/a/.corpuslens.json': '{' }, ['/w/a']);
    const invalid = (parseCorrections('{') as { problem: string }).problem;
    assert.deepEqual(await fc.record(uri('/w/a/x.txt'), { kind: 'notEntity', value: 'Mon' }), { problem: invalid });
    assert.equal(source.files.get('/w/a/.corpuslens.json'), '{');
    assert.equal(a.corrections, undefined);
    assert.deepEqual(await fc.record(uri('/w/a/x.txt'), { kind: 'merge', entities: ['one'] }), { problem: 'the correction is malformed: "entities" must list at least two entity ids' });
    const full = setup({ '/w/a/.corpuslens.json': fileText({ notEntity: Array.from({ length: 20_000 }, (_, i) => `w${i}`) }) }, ['/w/a']);
    assert.deepEqual(await full.fc.record(uri('/w/a/x.txt'), { kind: 'notEntity', value: 'one more' }), { problem: '.corpuslens.json would not be valid: "notEntity" must be a list of spellings or entity ids' });
    assert.equal(full.a.corrections, undefined);
  });
});
