import type { ValueTable } from '../corpus/valueTable';
import type { CachedArticle } from '../host/articleSource';

/** Where analyses persist between sessions (host/analysisCache.ts on disk). */
export interface ArticleCache {
  load(table: ValueTable): Promise<{ entries: Map<string, CachedArticle>; problem?: string }>;
  save(entries: Map<string, CachedArticle>): Promise<string | undefined>;
}

/** Milliseconds after the last disk change before the cache is written again. */
const SAVE_DELAY = 5000;

/**
 * What was last read from disk and analysed, by uri: the same records the corpus holds for
 * closed articles, kept for the persistent cache. It loads the cache once, and writes it
 * (one write at a time) a while after the last change, and on dispose.
 */
export class DiskCache {
  private entries = new Map<string, CachedArticle>();
  /** The load, started by the first full index; later ones wait for the same one. */
  private loading: Promise<void> | undefined;
  private loaded = false;
  /** Files read or deleted while the load was under way: newer than what the file says of them. */
  private readonly touchedWhileLoading = new Set<string>();
  private dirty = false;
  /** The write under way, if any; the next one waits for it. */
  private saving: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** The cache, once the client has said where it lives; undefined means none. */
    private readonly cache: () => ArticleCache | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Loads the cache the first time it is asked, and gives every later caller the same load
   * (a second index started meanwhile must wait for it too); undefined when there is none.
   * What was read or deleted while it loaded is kept over what the file says.
   */
  load(table: ValueTable): Promise<void> | undefined {
    const cache = this.cache();
    if (!cache) return undefined;
    this.loading ??= cache.load(table).then(({ entries, problem }) => {
      if (problem) this.log(problem);
      else if (entries.size) this.log(`Read ${entries.size} analyses from the cache.`);
      for (const [uri, entry] of entries) if (!this.touchedWhileLoading.has(uri)) this.entries.set(uri, entry);
      this.touchedWhileLoading.clear();
      this.loaded = true;
    });
    return this.loading;
  }

  get(uri: string): CachedArticle | undefined {
    return this.entries.get(uri);
  }

  /** Records what was read from disk; the cache is written after a while (`writeSoon`). */
  set(uri: string, entry: CachedArticle, writeSoon: boolean): void {
    this.noteWhileLoading(uri);
    this.entries.set(uri, entry);
    this.changed(writeSoon);
  }

  delete(uri: string, writeSoon: boolean): void {
    this.noteWhileLoading(uri);
    if (this.entries.delete(uri)) this.changed(writeSoon);
  }

  /** Forgets the files that are no longer listed. */
  keepOnly(keep: (uri: string) => boolean): void {
    for (const uri of [...this.entries.keys()]) if (!keep(uri)) this.delete(uri, false);
  }

  private noteWhileLoading(uri: string): void {
    if (this.loading && !this.loaded) this.touchedWhileLoading.add(uri);
  }

  private changed(writeSoon: boolean): void {
    this.dirty = true;
    if (!writeSoon || !this.cache() || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, SAVE_DELAY);
    this.timer.unref?.();
  }

  /** Writes the cache if anything changed since the last write, one write at a time. */
  save(): Promise<void> {
    this.saving = (this.saving ?? Promise.resolve()).then(async () => {
      const cache = this.cache();
      if (!cache || !this.dirty) return;
      this.dirty = false;
      const problem = await cache.save(this.entries);
      if (problem) this.log(problem);
    });
    return this.saving;
  }

  /** Stops the timer and writes what is pending; call before the process ends. */
  async dispose(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }
}
