import { URI } from 'vscode-uri';
import { isMarkdownPath } from '../analysis/markdownPath';
import type { AnalyzeOptions } from '../analysis/types';
import { Corpus } from '../corpus/corpus';
import { CORRECTIONS_FILE } from '../corpus/corrections';
import type { ArticleSource } from '../host/articleSource';
import type { IndexState } from '../protocol';
import type { CancellationSignal } from '../analysis/types';
import { analyzerOf, bufferAnalyzerOf, type AnalyzeElsewhere } from './analyzer';
import { DiskCache, type ArticleCache } from './diskCache';
import { DiskReader } from './diskReader';
import { FileTickets } from './fileTickets';
import { FolderCorrections, type CorrectionPlan, type CorrectionsFileState } from './folderCorrections';
import { Folders, type Folder, type Place } from './folders';
import { indexFolders } from './indexer';
import { OpenBuffers } from './openBuffers';
import type { Settings } from './settings';

export interface WorkspaceEvents {
  log(message: string): void;
  progress(state: IndexState): void;
  /** A problem the user must see (an invalid corrections file). */
  warn?(message: string): void;
  /** The corrections files were read again (their problems may have changed). */
  correctionsRead?(): void;
  /** An article, a correction or the index changed (called often: debounce). */
  corpusChanged?(): void;
}

export interface WorkspaceOptions {
  /** Analyses an article off the main thread; in-process when absent. */
  analyze?: AnalyzeElsewhere;
  /** The persistent cache of analyses, once known. */
  cache?: ArticleCache;
  /** Safe mode for an untrusted workspace: its .corpuslens.json is neither read nor written. */
  safeMode?: boolean;
}

/**
 * The corpus of a set of workspace folders kept current: a full index on start, one article
 * at a time afterwards. Open buffers win over the disk; closed ones fall back to it.
 * It orchestrates and owns no table of its own: the folders, the open buffers, the disk
 * reader and the disk cache each keep theirs. Transport-agnostic: no LSP here, and files only
 * through the ArticleSource.
 */
export class Workspace {
  readonly corpus = new Corpus();
  private readonly folders = new Folders();
  private readonly cache: DiskCache;
  private readonly analyze: AnalyzeElsewhere;
  private readonly reader: DiskReader;
  private readonly buffers: OpenBuffers;
  private readonly corrections: FolderCorrections;
  /** Which work on each file started last (fileTickets.ts): overtaken reads do not land. */
  private readonly tickets = new FileTickets();
  private indexRun = 0;
  private stateValue: IndexState = { state: 'idle', indexed: 0, total: 0, skipped: 0, articles: 0 };
  private readyWaiters: (() => void)[] = [];
  /** File events and closes still being read from disk. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly source: ArticleSource,
    private readonly events: WorkspaceEvents,
    private readonly options: WorkspaceOptions = {},
  ) {
    const log = (message: string) => events.log(message);
    this.cache = new DiskCache(() => options.cache, log);
    this.analyze = analyzerOf(options.analyze, log);
    this.reader = new DiskReader(source, this.corpus, this.cache, this.analyze, (uri) => this.buffers.has(uri), log, () => this.stateValue.state === 'ready', this.tickets);
    this.buffers = new OpenBuffers({
      analyze: bufferAnalyzerOf(options.analyze, log),
      optionsFor: (uri) => this.optionsFor(uri),
      maxBytesFor: (uri) => (this.classify(uri)?.folder.settings.maxFileSizeKB ?? Number.POSITIVE_INFINITY) * 1024,
      commit: (uri, text, analysis) => {
        this.corpus.setArticle(uri, this.corpus.pack(text, analysis));
        this.update({});
      },
      skip: (uri, reason, firstTime) => {
        this.corpus.removeArticle(uri);
        this.update({});
        if (!firstTime) return;
        const message = `${URI.parse(uri).fsPath}: ${reason}`;
        log(message);
        events.warn?.(message);
      },
      log,
    });
    this.corrections = new FolderCorrections(source, this.folders, events, () => options.safeMode === true);
  }

  /** Files the index skipped (binary, too large, unreadable), with the reason. */
  skippedFiles(): [string, string][] {
    return this.reader.skippedFiles();
  }

  get state(): IndexState {
    return this.stateValue;
  }

  /** Resolves when the current full index, every file event received so far and every edit are in the corpus. */
  async whenReady(): Promise<void> {
    if (this.stateValue.state !== 'ready') await new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    await this.settled();
  }

  /**
   * Resolves once the latest edits of one open buffer (or of all) are in the corpus; requests
   * about a document wait for that document only, and stop waiting when cancelled.
   */
  settled(uri?: string, token?: CancellationSignal): Promise<void> {
    return this.buffers.settled(uri, token);
  }

  /** The editor version whose analysis the corpus holds for an open article (undefined while one is pending). */
  settledVersion(uri: string): number | undefined {
    return this.buffers.settledVersion(uri);
  }

  folderPaths(): string[] {
    return this.folders.paths();
  }

  setFolders(folders: Folder[]): void {
    this.folders.set(folders);
  }

  /** Changes the diagnostics settings of the folders (by uri) without indexing again. */
  setDiagnosticSettings(settings: Map<string, Settings['diagnostics']>): void {
    for (const folder of this.folders.all()) {
      const diagnostics = settings.get(folder.uri);
      if (diagnostics) folder.settings = { ...folder.settings, diagnostics };
    }
  }

  /** The folder an article belongs to and whether the settings make it an article. */
  classify(uri: string): Place | undefined {
    return this.folders.classify(uri);
  }

  /** Reads every folder's corrections file and applies them to the corpus. */
  async loadCorrections(): Promise<void> {
    await this.corrections.load();
    this.applyCorrections();
  }

  /** Hands every folder's corrections to the corpus, and logs what it warns about them. */
  private applyCorrections(): void {
    for (const warning of this.corpus.setCorrections(this.corrections.applied())) this.events.log(`${CORRECTIONS_FILE}: ${warning}`);
  }

  /**
   * Records one correction in the folder's `.corpuslens.json` and applies it to the whole
   * corpus at once. Returns a problem instead when the file is invalid or cannot be written.
   */
  async applyCorrection(uri: unknown, edit: unknown): Promise<string | undefined> {
    const dates = this.corrections.datesFingerprint();
    const result = await this.corrections.record(uri, edit);
    if ('problem' in result) return result.problem;
    await this.correctionsChanged(dates);
    return undefined;
  }

  /**
   * Corrections as changes of the corrections file's text (for WorkspaceEdits), computed
   * against the open buffer when there is one; or the problem that refuses each.
   */
  planCorrections(uri: unknown, edits: unknown[]): Promise<(CorrectionPlan | { problem: string })[]> {
    return this.corrections.plan(uri, edits);
  }

  /** True when `uri` is the `.corpuslens.json` at the root of a folder of the corpus. */
  isCorrectionsFile(uri: string): boolean {
    return this.corrections.isCorrectionsFile(uri);
  }

  /**
   * The editor opened or changed a corrections file (`buffer`) or closed it (undefined): the
   * buffer wins over the disk while open, and the corpus follows it once it parses.
   */
  correctionsBuffer(uri: string, buffer: { text: string; version: number } | undefined): Promise<void> {
    this.corrections.setBuffer(uri, buffer);
    return this.track(this.reloadCorrections());
  }

  /** The editor applied an edit to a corrections file: the corpus follows the edited text now. */
  async adoptCorrections(uri: string, text: string): Promise<void> {
    const before = this.corrections.fingerprint();
    const dates = this.corrections.datesFingerprint();
    this.corrections.adopt(uri, text);
    if (this.corrections.fingerprint() !== before) await this.correctionsChanged(dates);
  }

  /** Every folder's corrections file as last read (text, problem and where), for diagnostics. */
  correctionsFiles(): CorrectionsFileState[] {
    return this.corrections.fileStates();
  }

  /** Re-reads the corrections files and applies them when they changed. */
  private async reloadCorrections(): Promise<void> {
    const before = this.corrections.fingerprint();
    const dates = this.corrections.datesFingerprint();
    await this.corrections.load();
    if (this.corrections.fingerprint() !== before) await this.correctionsChanged(dates);
    else this.update({});
    this.events.correctionsRead?.();
  }

  /** Applies the folders' corrections again, re-analysing the articles whose date they changed. */
  private async correctionsChanged(datesBefore: string): Promise<void> {
    this.applyCorrections();
    if (this.corrections.datesFingerprint() !== datesBefore) await this.reanalyseDates();
    this.update({});
  }

  /** Article dates changed: re-analyse the articles whose anchor is now different. */
  private async reanalyseDates(): Promise<void> {
    for (const uri of [...this.corpus.uris()]) {
      const record = this.corpus.article(uri);
      const place = this.classify(uri);
      if (!record || !place) continue;
      const options = this.optionsFor(uri);
      const current = record.meta.articleDate.source === 'setting' ? record.meta.articleDate.value : undefined;
      if (options.articleDate === current) continue;
      if (this.buffers.has(uri)) {
        this.buffers.reanalyse(uri);
        // The disk copy's cached analysis has the old date; it is read again when the buffer closes.
        this.cache.delete(uri, this.stateValue.state === 'ready');
        continue;
      }
      // Read again, not re-packed from the record: the file may have changed or gone since,
      // and a read takes its turn with the file events (fileTickets.ts).
      if (place.isArticle) await this.reader.read(uri, URI.parse(uri).fsPath, place.folder);
    }
    await this.settled();
  }

  /** Lists and reads every article of every folder, replacing the corpus. */
  async indexAll(): Promise<void> {
    const run = ++this.indexRun;
    this.update({ state: 'indexing', indexed: 0, total: 0, skipped: 0 });
    await this.loadCorrections();
    const log = (message: string) => this.events.log(message);
    const context = { source: this.source, folders: this.folders, corpus: this.corpus, cache: this.cache, reader: this.reader, tickets: this.tickets, isOpen: (uri: string) => this.buffers.has(uri), log, update: (patch: Partial<IndexState>) => this.update(patch) };
    const indexed = await indexFolders(context, () => run !== this.indexRun);
    if (indexed === undefined) return;
    this.reader.logSkipped();
    this.update({ state: 'ready', indexed, skipped: this.reader.skippedCount });
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
    // The index answers before its cache is on disk: writing 10,000 entries takes a while,
    // and shutting down waits for it (dispose).
    await this.cache.save();
  }

  /** An editor buffer was opened or changed: it wins over the disk. */
  openOrChange(uri: string, version: number, text: string): void {
    // A disk read of the file still under way must not land over the buffer.
    if (!this.buffers.has(uri)) this.tickets.take(uri);
    this.buffers.change(uri, version, text);
  }

  /** An editor buffer was closed: fall back to the file on disk, if it is an article. */
  close(uri: string): Promise<void> {
    this.buffers.close(uri);
    return this.track(
      (async () => {
        const place = this.classify(uri);
        if (place?.isArticle) await this.reader.read(uri, URI.parse(uri).fsPath, place.folder);
        else this.corpus.removeArticle(uri);
        this.update({});
      })(),
    );
  }

  /** A watched file was created, changed or deleted on disk. */
  fileChanged(uri: string, kind: 'created' | 'changed' | 'deleted'): Promise<void> {
    if (uri.endsWith(`/${CORRECTIONS_FILE}`)) return this.track(this.reloadCorrections());
    if (this.buffers.has(uri)) return Promise.resolve();
    return this.track(
      (async () => {
        if (kind === 'deleted') this.reader.deleted(uri, URI.parse(uri).fsPath);
        else {
          const place = this.classify(uri);
          if (place?.isArticle) await this.reader.read(uri, URI.parse(uri).fsPath, place.folder);
        }
        this.update({});
      })(),
    );
  }

  /** Stops timers and writes the cache; call before the process ends. */
  async dispose(): Promise<void> {
    this.buffers.dispose();
    await this.cache.dispose();
  }

  /** What an article is analysed with: its article date and whether it is Markdown. */
  private optionsFor(uri: string): AnalyzeOptions {
    return { articleDate: this.folders.articleDateFor(uri), markdown: isMarkdownPath(uri) || undefined };
  }

  /** Runs one disk update, remembered until it ends so whenReady can wait for it. */
  private track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  private update(patch: Partial<IndexState>): void {
    const next = { ...this.stateValue, ...patch, articles: this.corpus.size };
    const changed = (Object.keys(next) as (keyof IndexState)[]).some((k) => next[k] !== this.stateValue[k]);
    this.stateValue = next;
    // Every keystroke passes here; the client hears only when something it shows has changed.
    if (changed) this.events.progress(next);
    // Derived answers (diagnostics across articles) may have changed with any article.
    if (next.state === 'ready') this.events.corpusChanged?.();
  }
}
