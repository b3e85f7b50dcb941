import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';

/** What a folder watcher reports: changed paths (created, changed or deleted), or "look at everything". */
export interface WatchEvents {
  changed(paths: string[]): void;
  /** Too many changes at once, or events cannot be had: the whole folder should be read again. */
  rescan(): void;
  log(message: string): void;
}

/** Changes are gathered this long before they are reported (an unzip makes thousands). */
const GATHER_MS = 200;
/** More changed paths than this in one gathering: a rescan is cheaper than one read each. */
const MAX_PATHS = 5_000;
/** Without file events, the folder is read again this often. */
const POLL_MS = 30_000;

/**
 * Watches a workspace folder for the server itself, for editors that cannot watch files for it
 * (no dynamic registration of workspace/didChangeWatchedFiles). node's recursive fs.watch, its
 * events gathered and bounded; where it cannot run (too many folders for the system's watch
 * limit, an unsupported file system), the folder is re-read every 30 seconds instead. Paths
 * are only ever joined under the folder; what a path leads to is checked when it is read.
 */
export function watchFolder(folder: string, events: WatchEvents): { dispose(): void } {
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let watcher: FSWatcher | undefined;
  const flush = () => {
    timer = undefined;
    const paths = [...pending];
    pending = new Set();
    if (paths.length > MAX_PATHS) events.rescan();
    else if (paths.length) events.changed(paths);
  };
  const fallBack = (why: string) => {
    watcher?.close();
    watcher = undefined;
    if (poll) return;
    events.log(`Cannot watch ${folder} for changes (${why}); reading it again every ${POLL_MS / 1000} s instead.`);
    poll = setInterval(() => events.rescan(), POLL_MS);
    poll.unref?.();
  };
  try {
    watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
      if (name === null) {
        pending.add(folder);
      } else {
        const relative = name.toString();
        // Only paths under the folder: an absolute or climbing name is not ours.
        if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) return;
        pending.add(path.join(folder, relative));
      }
      if (pending.size > MAX_PATHS + 1) pending = new Set([...pending].slice(0, MAX_PATHS + 1));
      timer ??= setTimeout(flush, GATHER_MS);
    });
    watcher.on('error', (error) => fallBack(error.message));
  } catch (error) {
    fallBack(error instanceof Error ? error.message : String(error));
  }
  return {
    dispose() {
      watcher?.close();
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
    },
  };
}
