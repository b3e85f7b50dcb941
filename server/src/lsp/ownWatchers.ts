import { FileChangeType } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { ArticleSource } from '../host/articleSource';

/**
 * The server's own file watching, for editors that cannot register watchers for it: one
 * watcher per corpus folder (ArticleSource.watch), its paths turned into file events (created
 * or changed when the file is there, deleted when it is gone), a rescan when it says so.
 */
export class OwnWatchers {
  private watching = new Map<string, { dispose(): void }>();

  constructor(
    private readonly source: ArticleSource,
    private readonly changed: (changes: { uri: string; type: FileChangeType }[]) => Promise<void>,
    private readonly rescan: () => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  /** Watches exactly these folders (starting and stopping watchers as needed). */
  watch(folders: string[]): void {
    if (!this.source.watch) return;
    const wanted = new Set(folders);
    for (const [folder, watcher] of this.watching) {
      if (wanted.has(folder)) continue;
      watcher.dispose();
      this.watching.delete(folder);
    }
    for (const folder of wanted) {
      if (this.watching.has(folder)) continue;
      this.watching.set(folder, this.source.watch(folder, { changed: (paths) => void this.report(paths), rescan: () => void this.rescan(), log: this.log }));
      this.log(`Watching ${folder} for changes (the editor does not watch files for the server).`);
    }
  }

  dispose(): void {
    for (const watcher of this.watching.values()) watcher.dispose();
    this.watching.clear();
  }

  private async report(paths: string[]): Promise<void> {
    // An existing path is reported as created (a root .corpuslens.json created makes its folder a corpus).
    const changes = await Promise.all(paths.map(async (p): Promise<{ uri: string; type: FileChangeType }> => ({ uri: URI.file(p).toString(), type: (await this.source.stat(p)) ? FileChangeType.Created : FileChangeType.Deleted })));
    await this.changed(changes);
  }
}
