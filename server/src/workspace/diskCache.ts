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
  private loaded = false;
  private dirty = false;
  /** The write under way, if any; the next one waits for it. */
  private saving: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** The cache, once the client has said where it lives; undefined means none. */
    private readonly cache: () => ArticleCache | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts loading the cache the first time it is asked; undefined when there is nothing to load. */
  load(table: ValueTable): Promise<void> | undefined {
    const cache = this.cache();
    if (!cache || this.loaded) return undefined;
    this.loaded = true;
    return cache.load(table).then(({ entries, problem }) => {
      if (problem) this.log(problem);
      this.entries = entries;
    });
  }

  get(uri: string): CachedArticle | undefined {
    return this.entries.get(uri);
  }

  /** Records what was read from disk; the cache is written after a while (`writeSoon`). */
  set(uri: string, entry: CachedArticle, writeSoon: boolean): void {
    this.entries.set(uri, entry);
    this.changed(writeSoon);
  }

  delete(uri: string, writeSoon: boolean): void {
    if (this.entries.delete(uri)) this.changed(writeSoon);
  }

  /** Forgets the files that are no longer listed. */
  keepOnly(uris: ReadonlySet<string>): void {
    for (const uri of [...this.entries.keys()]) if (!uris.has(uri)) this.delete(uri, false);
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
