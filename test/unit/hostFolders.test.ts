import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { userCacheFolder } from '../../server/src/host/cacheFolder';
import { watchFolder } from '../../server/src/host/folderWatcher';

// Where the cache goes when the editor names no storage folder, and the server's own watcher
// of a folder (for editors that cannot watch files for it), on a real temporary folder.

describe('the user cache folder', () => {
  const home = '/home/reader';
  const id = (folders: string[]) => path.basename(userCacheFolder(folders, {}, 'linux', home));

  it('is one folder per set of workspace folders, whatever their order', () => {
    assert.match(id(['/w/a', '/w/b']), /^[0-9a-f]{16}$/);
    assert.equal(id(['/w/a', '/w/b']), id(['/w/b', '/w/a']));
    assert.notEqual(id(['/w/a']), id(['/w/a', '/w/b']));
    assert.notEqual(id(['/w/a']), id(['/w/b']));
  });

  it('lies under each system\'s cache folder, never in the workspace', () => {
    const leaf = (env: NodeJS.ProcessEnv, platform: NodeJS.Platform) => path.dirname(path.dirname(userCacheFolder(['/w'], env, platform, home)));
    const sub = path.basename(path.dirname(userCacheFolder(['/w'], {}, 'linux', home)));
    assert.equal(sub, 'corpus-lens');
    assert.equal(leaf({}, 'linux'), path.join(home, '.cache'));
    assert.equal(leaf({}, 'freebsd'), path.join(home, '.cache'));
    assert.equal(leaf({ XDG_CACHE_HOME: '/var/cache/reader' }, 'linux'), '/var/cache/reader');
    // A relative XDG_CACHE_HOME does not count.
    assert.equal(leaf({ XDG_CACHE_HOME: 'cache' }, 'linux'), path.join(home, '.cache'));
    assert.equal(leaf({ XDG_CACHE_HOME: '' }, 'linux'), path.join(home, '.cache'));
    assert.equal(leaf({}, 'darwin'), path.join(home, 'Library', 'Caches'));
    assert.equal(leaf({ LOCALAPPDATA: '/appdata/local' }, 'win32'), '/appdata/local');
    assert.equal(leaf({}, 'win32'), path.join(home, 'AppData', 'Local'));
    assert.equal(leaf({ LOCALAPPDATA: '' }, 'win32'), path.join(home, 'AppData', 'Local'));
  });
});

describe('the folder watcher', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-watch-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Events a watcher reports, with a way to wait for the next batch. */
  function recorder() {
    const batches: string[][] = [];
    const logs: string[] = [];
    let rescans = 0;
    let wake: (() => void) | undefined;
    const events = {
      changed: (paths: string[]) => {
        batches.push(paths);
        wake?.();
      },
      rescan: () => {
        rescans++;
        wake?.();
      },
      log: (m: string) => logs.push(m),
    };
    const next = (ms = 3000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event')), ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    return { events, batches, logs, rescans: () => rescans, next };
  }

  it('reports the paths changed under the folder, gathered into one batch', async () => {
    const folder = path.join(dir, 'gathered');
    mkdirSync(path.join(folder, 'sub'), { recursive: true });
    const r = recorder();
    const watcher = watchFolder(folder, r.events);
    try {
      const arrived = r.next();
      writeFileSync(path.join(folder, 'a.txt'), 'A');
      writeFileSync(path.join(folder, 'sub', 'b.txt'), 'B');
      await arrived;
      assert.equal(r.batches.length, 1, 'one batch for changes within the gathering time');
      assert.deepEqual([...new Set(r.batches[0])].sort(), [path.join(folder, 'a.txt'), path.join(folder, 'sub', 'b.txt')]);
      assert.deepEqual([r.logs, r.rescans()], [[], 0]);
    } finally {
      watcher.dispose();
    }
  });

  it('reports nothing once disposed', async () => {
    const folder = path.join(dir, 'disposed');
    mkdirSync(folder);
    const r = recorder();
    const watcher = watchFolder(folder, r.events);
    writeFileSync(path.join(folder, 'a.txt'), 'A');
    // The event has come in and is being gathered when the watcher is disposed.
    await new Promise((resolve) => setTimeout(resolve, 60));
    watcher.dispose();
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual([r.batches, r.rescans()], [[], 0]);
  });

  it('falls back to reading the folder again every 30 s when it cannot watch, and says so', () => {
    const missing = path.join(dir, 'not-there');
    const r = recorder();
    const watcher = watchFolder(missing, r.events);
    watcher.dispose();
    assert.equal(r.logs.length, 1);
    assert.match(r.logs[0], new RegExp(`^Cannot watch ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} for changes \\(.*ENOENT.*\\); reading it again every 30 s instead\\.$`));
  });
});
