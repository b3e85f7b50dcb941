import * as path from 'node:path';
import { WorkDoneProgress, WorkDoneProgressCreateRequest, type Connection, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { CORRECTIONS_FILE } from '../corpus/corrections';
import type { ArticleSource } from '../host/articleSource';
import type { IndexState } from '../protocol';
import type { Folder } from '../workspace/folders';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../workspace/settings';
import type { Workspace } from '../workspace/workspace';
import type { Capabilities } from './capabilities';
import { tell } from './tell';

export type ReindexReason = 'start' | 'settings' | 'folders' | 'command';

/**
 * Full index runs as the client sees them: the folders' settings pulled through
 * workspace/configuration, one run at a time, work-done progress while it runs, and colours
 * and hints refreshed when it ends.
 */
export class IndexRuns {
  /** The workspace folders the client gave (initialize, then folder changes). */
  folderUris: string[] = [];
  private running: Promise<void> | undefined;
  private again = false;
  /** The folders and settings of the last run, to skip a settings change that changes nothing. */
  private indexed = '';
  /** Workspace folders that are not corpora (no marker, corpusLens.enable off). */
  private ignored: string[] = [];
  private progress: { report(percent: number, message: string): void; done(): void } | undefined;
  private progressTokens = 0;
  /** Called after each run (and after a change of the diagnostics settings alone). */
  onIndexed?: () => void;
  private lastPercent = -1;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly source: ArticleSource,
    private readonly capabilities: () => Capabilities,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Re-reads the corpus. Runs one at a time: a request while one runs (the client's first
   * didChangeConfiguration arrives right after start) makes it run once more afterwards.
   * A settings change that changes nothing re-reads nothing.
   */
  reindex(reason: ReindexReason): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let why = reason;
      do {
        this.again = false;
        await this.runOnce(why);
        why = 'settings';
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Reports index progress to the client's progress UI while a run is under way. */
  report(state: IndexState): void {
    if (!this.progress || state.state !== 'indexing' || state.total === 0) return;
    const percent = Math.floor((state.indexed / state.total) * 100);
    if (percent === this.lastPercent) return;
    this.lastPercent = percent;
    this.progress.report(percent, `${state.indexed.toLocaleString('en-US')} / ${state.total.toLocaleString('en-US')} articles`);
  }

  /** True for a file in a workspace folder that is not a corpus: it is left alone, open or not. */
  ignores(uri: string): boolean {
    const fsPath = URI.parse(uri).fsPath;
    return this.ignored.some((folder) => fsPath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
  }

  /** True for the `.corpuslens.json` at a workspace folder's root, whose presence makes the folder a corpus. */
  isRootMarker(uri: string): boolean {
    return uri.endsWith(`/${CORRECTIONS_FILE}`) && this.folderUris.some((f) => `${f.replace(/\/$/, '')}/${CORRECTIONS_FILE}` === uri);
  }

  private async runOnce(reason: ReindexReason): Promise<void> {
    const folders: Folder[] = [];
    const ignored: string[] = [];
    for (const uri of this.folderUris) {
      const fsPath = URI.parse(uri).fsPath;
      const settings = await this.settingsOf(uri);
      // Opt-in, in every editor: a folder is a corpus when it has a .corpuslens.json or
      // corpusLens.enable is on; any other folder (a code repository with LICENSE.txt) is left alone.
      if (settings.enable || (await this.source.stat(path.join(fsPath, CORRECTIONS_FILE)))) folders.push({ uri, fsPath, settings });
      else ignored.push(fsPath);
    }
    // The diagnostics settings change what is reported, not what is indexed.
    const fingerprint = JSON.stringify([folders.map((f) => ({ ...f, settings: { ...f.settings, diagnostics: undefined } })), ignored]);
    if (reason === 'settings' && fingerprint === this.indexed && this.workspace.state.state === 'ready') {
      this.workspace.setDiagnosticSettings(new Map(folders.map((f) => [f.uri, f.settings.diagnostics])));
      this.onIndexed?.();
      return;
    }
    this.indexed = fingerprint;
    for (const fsPath of ignored.filter((p) => !this.ignored.includes(p))) {
      this.log(`${fsPath} is not a corpus (no ${CORRECTIONS_FILE} in it, corpusLens.enable off): Corpus Lens leaves it alone.`);
    }
    this.ignored = ignored;
    this.workspace.setFolders(folders);
    await this.beginProgress();
    const started = Date.now();
    try {
      await this.workspace.indexAll();
    } finally {
      this.progress?.done();
      this.progress = undefined;
    }
    // Open editors asked for colours and hints before the corpus was complete.
    if (this.capabilities().semanticTokensRefresh) tell(() => this.connection.languages.semanticTokens.refresh());
    if (this.capabilities().inlayHintRefresh) tell(() => this.connection.languages.inlayHint.refresh());
    this.onIndexed?.();
    const state = this.workspace.state;
    this.log(`Indexed ${state.articles} articles in ${Date.now() - started} ms (${state.skipped} skipped).`);
  }

  /**
   * Work-done progress for a run. Not the library's reporter: it drops the promise of each send,
   * so a client gone mid-run left a rejection nobody handled, which ends the process. Here each
   * send goes through tell, and a begin refused at once (a closed connection) ends the progress.
   */
  private async beginProgress(): Promise<void> {
    if (!this.capabilities().workDoneProgress) return;
    const token = `corpus-lens-index-${++this.progressTokens}`;
    const send = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => tell(() => this.connection.sendProgress(WorkDoneProgress.type, token, value));
    try {
      await this.connection.sendRequest(WorkDoneProgressCreateRequest.type, { token });
    } catch {
      return;
    }
    if (!send({ kind: 'begin', title: 'Corpus Lens: indexing', percentage: 0, message: 'listing articles', cancellable: false })) return;
    this.lastPercent = -1;
    this.progress = { report: (percentage, message) => void send({ kind: 'report', percentage, message }), done: () => void send({ kind: 'end' }) };
  }

  /** A folder's settings, pulled from the client; the defaults when it cannot say. */
  private async settingsOf(uri: string): Promise<Settings> {
    if (!this.capabilities().configuration) return DEFAULT_SETTINGS;
    try {
      const [corpusLens, filesExclude] = await this.connection.workspace.getConfiguration([
        { scopeUri: uri, section: 'corpusLens' },
        { scopeUri: uri, section: 'files.exclude' },
      ]);
      return mergeSettings(corpusLens, filesExclude);
    } catch (error) {
      this.log(`Could not read settings, using defaults: ${String(error)}`);
      return DEFAULT_SETTINGS;
    }
  }
}
