import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { isMarkdownPath } from './analysis/markdownPath';
import type { AnalyzeOptions, ArticleAnalysis, CancellationSignal } from './analysis/types';
import type { AppliedCorrections } from './corpus/applyCorrections';
import { Corpus } from './corpus/corpus';
import { CORRECTIONS_FILE, applyCorrectionEdit, emptyCorrections, readCorrectionEdit, validateCorrections, type Corrections } from './corpus/corrections';
import { hashText, type PackedArticle } from './corpus/packedArticle';
import type { ValueTable } from './corpus/valueTable';
import { articleMatcher, type ArticleMatcher, type ArticleSource, type CachedArticle, type FileStamp } from './host/articleSource';
import type { IndexState } from './protocol';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * The analysis engine (a few MB of word lists), loaded on first use: a server that starts
 * from its cache with no article open never needs it in this thread. The bundle keeps it in
 * dist/analysis.js for that reason (esbuild.js).
 */
let engine: typeof import('./analysis') | undefined;
function analyzeInThisThread(text: string, options: AnalyzeOptions): ArticleAnalysis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require('./analysis') as typeof import('./analysis');
  return engine.analyzeArticle(text, options);
}

/** A workspace folder with its settings. */
export interface Folder {
  uri: string;
  fsPath: string;
  settings: Settings;
  /** The folder's `.corpuslens.json`, once read. */
  corrections?: Corrections;
}

/** Folder-relative path with forward slashes, as globs and the corrections file write it. */
function relativeTo(folder: Folder, fsPath: string): string {
  return path.relative(folder.fsPath, fsPath).split(path.sep).join('/');
}

export interface WorkspaceEvents {
  log(message: string): void;
  progress(state: IndexState): void;
  /** A problem the user must see (an invalid corrections file). */
  warn?(message: string): void;
}

/** Where analyses persist between sessions (host/analysisCache.ts on disk). */
export interface ArticleCache {
  load(table: ValueTable): Promise<{ entries: Map<string, CachedArticle>; problem?: string }>;
  save(entries: Map<string, CachedArticle>): Promise<string | undefined>;
}

export interface WorkspaceOptions {
  /** Analyses an article off the main thread; in-process when absent. */
  analyze?(text: string, options: AnalyzeOptions): Promise<ArticleAnalysis>;
  cache?: ArticleCache;
  /** Articles read from disk at once. */
  concurrency?: number;
  /** Safe mode for an untrusted workspace: its .corpuslens.json is neither read nor written. */
  safeMode?: boolean;
}

/** Milliseconds after the last disk change before the cache is written again. */
const CACHE_SAVE_DELAY = 5000;

/**
 * The corpus of a set of workspace folders kept current: a full index on start, one article
 * at a time afterwards. Open buffers win over the disk; closed ones fall back to it.
 * Transport-agnostic: no LSP here, and files only through the ArticleSource.
 */
export class Workspace {
  readonly corpus = new Corpus();
  private folders: Folder[] = [];
  private matchers = new Map<Folder, ArticleMatcher>();
  private readonly open = new Set<string>();
  private readonly skipped = new Map<string, string>();
  private indexRun = 0;
  private stateValue: IndexState = { state: 'idle', indexed: 0, total: 0, skipped: 0, articles: 0 };
  private readyWaiters: (() => void)[] = [];
  /** File events and closes still being read from disk. */
  private readonly inFlight = new Set<Promise<void>>();

  /** What was last read from disk, by uri; saved as the persistent cache. */
  private diskEntries = new Map<string, CachedArticle>();
  private cacheLoaded = false;
  private cacheDirty = false;
  /** The cache write under way, if any; the next one waits for it. */
  private saving: Promise<void> | undefined;
  private cacheTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: ArticleSource,
    private readonly events: WorkspaceEvents,
    private readonly options: WorkspaceOptions = {},
  ) {}

  get state(): IndexState {
    return this.stateValue;
  }

  /** Resolves when the current full index, and every file event received so far, are done. */
  async whenReady(): Promise<void> {
    if (this.stateValue.state !== 'ready') await new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Runs one disk update, remembered until it ends so whenReady can wait for it. */
  private track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  /** Files skipped with the reason (binary, too large, unreadable). */
  skippedFiles(): [string, string][] {
    return [...this.skipped.entries()];
  }

  folderPaths(): string[] {
    return this.folders.map((f) => f.fsPath);
  }

  setFolders(folders: Folder[]): void {
    this.folders = folders;
    // Compiled once per settings change, not on every keystroke that calls classify().
    this.matchers = new Map(folders.map((f) => [f, articleMatcher({ include: f.settings.articles, exclude: f.settings.exclude })]));
  }

  /** The folder an article belongs to and whether the settings make it an article. */
  classify(uri: string): { folder: Folder; relative: string; isArticle: boolean } | undefined {
    const fsPath = URI.parse(uri).fsPath;
    const folder = this.folders.find((f) => fsPath === f.fsPath || fsPath.startsWith(f.fsPath.endsWith(path.sep) ? f.fsPath : f.fsPath + path.sep));
    if (!folder) return undefined;
    const relative = relativeTo(folder, fsPath);
    return { folder, relative, isArticle: this.matchers.get(folder)!.isArticle(relative) };
  }

  /** The article date for a file: the corrections file wins over the setting. */
  private articleDateFor(folder: Folder, relative: string): string | undefined {
    return folder.corrections?.articleDates[relative] ?? folder.settings.articleDates[relative];
  }

  /** Reads every folder's corrections file and applies them to the corpus. */
  async loadCorrections(): Promise<void> {
    if (this.options.safeMode) return;
    for (const folder of this.folders) {
      const read = await this.source.readCorrections(folder.fsPath);
      if (read.state === 'invalid') {
        const message = `${read.problem}. Corrections are off until it is fixed or deleted; Corpus Lens will not overwrite it.`;
        this.events.log(message);
        this.events.warn?.(`Corpus Lens: ${message}`);
      }
      folder.corrections = read.corrections;
    }
    this.applyAllCorrections();
  }

  /** Hands every folder's corrections to the corpus, and logs what it warns about them. */
  private applyAllCorrections(): void {
    for (const warning of this.corpus.setCorrections(this.appliedCorrections())) this.events.log(`${CORRECTIONS_FILE}: ${warning}`);
  }

  /** The corrections of all folders in the form the corpus applies. */
  private appliedCorrections(): AppliedCorrections {
    const applied: AppliedCorrections = { merges: [], noJoin: new Set(), splitIn: new Map(), notEntity: new Set() };
    for (const folder of this.folders) {
      const c = folder.corrections ?? emptyCorrections();
      for (const m of c.merge) applied.merges.push({ ids: m.entities, name: m.name });
      for (const split of c.split) {
        if (!split.file) applied.noJoin.add(split.entity);
        else {
          const uri = URI.file(path.join(folder.fsPath, split.file)).toString();
          let keys = applied.splitIn.get(uri);
          if (!keys) applied.splitIn.set(uri, (keys = new Set()));
          keys.add(split.entity);
        }
      }
      for (const value of c.notEntity) applied.notEntity.add(value.toLowerCase());
    }
    return applied;
  }

  /**
   * Records one correction in the folder's `.corpuslens.json` and applies it to the whole
   * corpus at once. Returns a problem instead when the file is invalid or cannot be written.
   */
  async applyCorrection(uri: unknown, proposed: unknown): Promise<string | undefined> {
    // The arguments come from any client: checked before anything is written.
    const read = readCorrectionEdit(proposed);
    if ('problem' in read) return read.problem;
    if (typeof uri !== 'string') return 'the correction is malformed: the first argument must be a document uri';
    let edit = read.edit;
    if (this.options.safeMode) return 'this workspace is not trusted, so Corpus Lens runs in safe mode and keeps no corrections; trust the workspace to correct entities';
    const place = this.classify(uri) ?? (this.folders[0] && { folder: this.folders[0], relative: '', isArticle: false });
    if (!place) return 'no workspace folder to keep corrections in';
    // Files are kept relative to the folder, so the corrections travel with the corpus.
    if ((edit.kind === 'split' || edit.kind === 'articleDate') && edit.file?.includes(':')) {
      const target = this.classify(edit.file);
      if (!target) return `${edit.file} is not in a workspace folder`;
      edit = { ...edit, file: target.relative };
    }
    const result = await this.source.updateCorrections(place.folder.fsPath, (current) => {
      const next = applyCorrectionEdit(current, edit);
      const problem = validateCorrections(next);
      return problem ? { problem } : next;
    });
    if ('problem' in result) return result.problem;
    const datesChanged = JSON.stringify(place.folder.corrections?.articleDates ?? {}) !== JSON.stringify(result.corrections.articleDates);
    place.folder.corrections = result.corrections;
    this.applyAllCorrections();
    if (datesChanged) await this.reanalyseDates();
    this.update({});
    return undefined;
  }

  /** Article dates changed: re-analyse the articles whose anchor is now different. */
  private async reanalyseDates(): Promise<void> {
    for (const uri of [...this.corpus.uris()]) {
      const place = this.classify(uri);
      const record = this.corpus.article(uri);
      if (!place || !record) continue;
      const wanted = this.articleDateFor(place.folder, place.relative);
      const current = record.meta.articleDate.source === 'setting' ? record.meta.articleDate.value : undefined;
      if (wanted === current) continue;
      const article = this.corpus.pack(record.text, await this.analyze(record.text, { articleDate: wanted, markdown: isMarkdownPath(uri) || undefined }), record.hash);
      this.corpus.setArticle(uri, article);
      const cached = this.diskEntries.get(uri);
      if (cached) {
        // An open buffer that differs from the disk copy says nothing about the disk copy.
        if (cached.article.hash === record.hash) this.diskEntries.set(uri, { ...cached, articleDate: wanted, article });
        else this.diskEntries.delete(uri);
        this.markCacheDirty();
      }
    }
  }

  /** Lists and reads every article of every folder, replacing the corpus. */
  async indexAll(token?: CancellationSignal): Promise<void> {
    const run = ++this.indexRun;
    const cancelled = () => run !== this.indexRun || token?.isCancellationRequested === true;
    const listed: { uri: string; fsPath: string; folder: Folder }[] = [];
    this.update({ state: 'indexing', indexed: 0, total: 0, skipped: 0 });
    await this.loadCorrections();
    // The cache is decoded while the folders are listed: one is CPU, the other mostly I/O.
    const loading = this.options.cache && !this.cacheLoaded ? this.options.cache.load(this.corpus.table) : undefined;
    this.cacheLoaded = true;
    const listing = Promise.all(
      this.folders.map(async (folder) => ({ folder, result: await this.source.list(folder.fsPath, { include: folder.settings.articles, exclude: folder.settings.exclude }, { get isCancellationRequested() { return cancelled(); } }) })),
    );
    // Every file's size and time at once (off this thread where the source can), also while
    // the cache decodes: most of a warm start is deciding which cached analyses still stand.
    const stamping = listing.then((results) => this.source.statMany?.(results.flatMap(({ result }) => result.paths)));
    if (loading) {
      const { entries, problem } = await loading;
      if (problem) this.events.log(problem);
      this.diskEntries = entries;
    }
    for (const { folder, result } of await listing) {
      for (const problem of result.problems) this.events.log(`Could not list ${problem}`);
      for (const p of result.paths) listed.push({ uri: URI.file(p).toString(), fsPath: p, folder });
    }
    if (cancelled()) return;
    const keep = new Set(listed.map((l) => l.uri));
    for (const uri of [...this.corpus.uris()]) if (!keep.has(uri) && !this.open.has(uri)) this.corpus.removeArticle(uri);
    for (const uri of [...this.diskEntries.keys()]) {
      if (!keep.has(uri)) {
        this.diskEntries.delete(uri);
        this.cacheDirty = true;
      }
    }
    this.skipped.clear();
    this.update({ total: listed.length });
    // In the order of `listed`, which is built from the same listing.
    const stamps = await stamping;
    if (cancelled()) return;
    // A few reads in flight keep the disk busy without opening thousands of files at once.
    let next = 0;
    let indexed = 0;
    const worker = async () => {
      while (next < listed.length && !cancelled()) {
        const at = next++;
        const item = listed[at];
        if (!this.open.has(item.uri)) await this.readFromDisk(item.uri, item.fsPath, item.folder, stamps && { stamp: stamps[at] });
        indexed++;
        if (indexed % 50 === 0 || indexed === listed.length) this.update({ indexed, skipped: this.skipped.size });
        // Let requests in between articles so the editor stays answered while indexing.
        if (indexed % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 16 }, worker));
    if (cancelled()) return;
    for (const [file, reason] of this.skipped) this.events.log(`Skipped ${file}: ${reason}`);
    this.update({ state: 'ready', indexed, skipped: this.skipped.size });
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
    // The index answers before its cache is on disk: writing 10,000 entries takes a while,
    // and shutting down waits for it (dispose).
    await this.saveCache();
  }

  /** An editor buffer was opened or changed: it wins over the disk. */
  openOrChange(uri: string, version: number, text: string): void {
    this.open.add(uri);
    const place = this.classify(uri);
    const analysis = analyzeInThisThread(text, { articleDate: place ? this.articleDateFor(place.folder, place.relative) : undefined, markdown: isMarkdownPath(uri) || undefined });
    this.corpus.setArticle(uri, this.corpus.pack(text, analysis));
    this.update({});
  }

  /** An editor buffer was closed: fall back to the file on disk, if it is an article. */
  close(uri: string): Promise<void> {
    this.open.delete(uri);
    return this.track(
      (async () => {
        const place = this.classify(uri);
        if (place?.isArticle) await this.readFromDisk(uri, URI.parse(uri).fsPath, place.folder);
        else this.corpus.removeArticle(uri);
        this.update({});
      })(),
    );
  }

  /** A watched file was created, changed or deleted on disk. */
  fileChanged(uri: string, kind: 'created' | 'changed' | 'deleted'): Promise<void> {
    if (uri.endsWith(`/${CORRECTIONS_FILE}`)) return this.track(this.correctionsChanged());
    if (this.open.has(uri)) return Promise.resolve();
    return this.track(
      (async () => {
        if (kind === 'deleted') {
          this.corpus.removeArticle(uri);
          this.skipped.delete(URI.parse(uri).fsPath);
          if (this.diskEntries.delete(uri)) this.markCacheDirty();
        } else {
          const place = this.classify(uri);
          if (place?.isArticle) await this.readFromDisk(uri, URI.parse(uri).fsPath, place.folder);
        }
        this.update({});
      })(),
    );
  }

  /** The corrections file changed on disk (edited by hand, or by git): re-read and apply it. */
  private async correctionsChanged(): Promise<void> {
    const before = JSON.stringify(this.folders.map((f) => f.corrections?.articleDates ?? {}));
    await this.loadCorrections();
    if (JSON.stringify(this.folders.map((f) => f.corrections?.articleDates ?? {})) !== before) await this.reanalyseDates();
    this.update({});
  }

  /** Reads one article (or takes its cached analysis); `known` is a stat taken just before. */
  private async readFromDisk(uri: string, fsPath: string, folder: Folder, known?: { stamp: FileStamp | undefined }): Promise<void> {
    const articleDate = this.articleDateFor(folder, relativeTo(folder, fsPath));
    const stamp = known ? known.stamp : await this.source.stat(fsPath);
    const cached = this.diskEntries.get(uri);
    // Same size, time and date setting: the cached analysis stands without reading the file.
    if (stamp && cached && cached.size === stamp.size && cached.mtimeMs === stamp.mtimeMs && cached.articleDate === articleDate && !this.skipped.has(fsPath)) {
      if (!this.open.has(uri)) this.corpus.setArticle(uri, cached.article);
      return;
    }
    const result = stamp ? await this.source.read(fsPath, folder.settings.maxFileSizeKB * 1024, stamp, folder.fsPath) : { skipped: 'no longer exists' };
    if (this.open.has(uri)) return; // Opened while we read: the buffer wins.
    if ('skipped' in result) {
      this.skipped.set(fsPath, result.skipped);
      this.corpus.removeArticle(uri);
      if (this.diskEntries.delete(uri)) this.markCacheDirty();
      return;
    }
    this.skipped.delete(fsPath);
    if (result.replaced) this.events.log(`${fsPath}: invalid UTF-8 replaced with U+FFFD`);
    const hash = hashText(result.text);
    let article: PackedArticle;
    if (cached && cached.article.hash === hash && cached.articleDate === articleDate) article = cached.article;
    else article = this.corpus.pack(result.text, await this.analyze(result.text, { articleDate, markdown: isMarkdownPath(fsPath) || undefined }), hash);
    if (this.open.has(uri)) return;
    this.corpus.setArticle(uri, article);
    for (const problem of article.packed.meta.problems) this.events.log(`${fsPath}: ${problem}`);
    this.diskEntries.set(uri, { size: stamp!.size, mtimeMs: stamp!.mtimeMs, articleDate, article });
    this.markCacheDirty();
  }

  /** Analyses off the main thread when workers are available, else in-process. */
  private async analyze(text: string, options: AnalyzeOptions): Promise<ArticleAnalysis> {
    if (this.options.analyze) {
      try {
        return await this.options.analyze(text, options);
      } catch (error) {
        this.events.log(`analysis worker failed (${error instanceof Error ? error.message : String(error)}); analysing in-process`);
      }
    }
    return analyzeInThisThread(text, options);
  }

  private markCacheDirty(): void {
    this.cacheDirty = true;
    if (!this.options.cache || this.stateValue.state !== 'ready' || this.cacheTimer) return;
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = undefined;
      void this.saveCache();
    }, CACHE_SAVE_DELAY);
    this.cacheTimer.unref?.();
  }

  /** Writes the persistent cache if anything changed since the last write, one write at a time. */
  saveCache(): Promise<void> {
    this.saving = (this.saving ?? Promise.resolve()).then(async () => {
      if (!this.options.cache || !this.cacheDirty) return;
      this.cacheDirty = false;
      const problem = await this.options.cache.save(this.diskEntries);
      if (problem) this.events.log(problem);
    });
    return this.saving;
  }

  /** Stops timers; call before the process ends. */
  async dispose(): Promise<void> {
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    await this.saveCache();
  }

  private update(patch: Partial<IndexState>): void {
    const next = { ...this.stateValue, ...patch, articles: this.corpus.size };
    const changed = (Object.keys(next) as (keyof IndexState)[]).some((k) => next[k] !== this.stateValue[k]);
    this.stateValue = next;
    // Every keystroke passes here; the client hears only when something it shows has changed.
    if (changed) this.events.progress(next);
  }
}

