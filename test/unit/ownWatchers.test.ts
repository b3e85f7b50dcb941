import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver';
import type { ArticleSource } from '../../server/src/host/articleSource';
import { MemoryArticleSource } from '../../server/src/host/memoryArticleSource';
import { OwnWatchers } from '../../server/src/lsp/ownWatchers';

// The server's own watchers, for an editor that cannot watch files: started and stopped per
// folder, their paths turned into created or deleted events, a rescan passed on.

type Events = { changed(paths: string[]): void; rescan(): void; log(message: string): void };

function setup(files: Record<string, string> = {}) {
  const source: ArticleSource = new MemoryArticleSource(files);
  const watchers = new Map<string, Events>();
  const disposed: string[] = [];
  source.watch = (folder: string, events: Events) => {
    watchers.set(folder, events);
    return { dispose: () => disposed.push(folder) };
  };
  const changes: { uri: string; type: FileChangeType }[][] = [];
  let rescans = 0;
  const logs: string[] = [];
  const own = new OwnWatchers(source, async (c) => void changes.push(c), async () => void rescans++, (m) => logs.push(m));
  return { source, own, watchers, disposed, changes, logs, rescans: () => rescans };
}

describe('the server’s own watchers', () => {
  it('watch exactly the folders asked, starting and stopping watchers as they come and go', () => {
    const { own, watchers, disposed, logs } = setup();
    own.watch(['/a', '/b']);
    assert.deepEqual([...watchers.keys()], ['/a', '/b']);
    assert.deepEqual(logs, ['Watching /a for changes (the editor does not watch files for the server).', 'Watching /b for changes (the editor does not watch files for the server).']);
    watchers.clear();
    own.watch(['/b', '/c']);
    assert.deepEqual([...watchers.keys()], ['/c'], 'a folder already watched is not watched twice');
    assert.deepEqual(disposed, ['/a']);
    own.dispose();
    assert.deepEqual(disposed.sort(), ['/a', '/b', '/c']);
    watchers.clear();
    own.watch(['/b']);
    assert.deepEqual([...watchers.keys()], ['/b'], 'after dispose nothing is watched');
  });

  it('report a path that exists as created, one that is gone as deleted, and pass a rescan on', async () => {
    const { own, watchers, changes, rescans } = setup({ '/a/here.txt': 'x' });
    own.watch(['/a']);
    watchers.get('/a')!.changed(['/a/here.txt', '/a/gone.txt']);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(changes, [[{ uri: 'file:///a/here.txt', type: FileChangeType.Created }, { uri: 'file:///a/gone.txt', type: FileChangeType.Deleted }]]);
    watchers.get('/a')!.rescan();
    assert.equal(rescans(), 1);
  });

  it('do nothing on a source that cannot watch', () => {
    const { own, source, logs } = setup();
    source.watch = undefined;
    own.watch(['/a']);
    assert.deepEqual(logs, []);
  });
});
