import { isMarkdownPath } from '../analysis/markdownPath';
import type { Corpus } from '../corpus/corpus';
import { hashText, type PackedArticle } from '../corpus/packedArticle';
import { GONE, type ArticleSource, type FileStamp } from '../host/articleSource';
import type { AnalyzeElsewhere } from './analyzer';
import type { DiskCache } from './diskCache';
import type { FileTickets } from './fileTickets';
import { articleDateIn, relativeTo, type Folder } from './folders';

/**
 * Brings closed articles from disk into the corpus: a cached analysis when the file's size,
 * time and date setting are unchanged, else the file read, analysed and packed once, the
 * same record going to the corpus and the disk cache. It owns the list of skipped files.
 *
 * Every read takes a ticket (fileTickets.ts) and changes the corpus, the cache and the skip
 * list only while that ticket is the file's latest: a read overtaken by a delete, a newer read,
 * an open buffer or a full index's pruning ends without a trace.
 */
export class DiskReader {
  /** Files skipped (by path) with the reason: binary, too large, unreadable, gone. */
  private readonly skipped = new Map<string, string>();

  constructor(
    private readonly source: ArticleSource,
    private readonly corpus: Corpus,
    private readonly cache: DiskCache,
    private readonly analyze: AnalyzeElsewhere,
    /** True while the editor holds the article open: the buffer wins over the disk. */
    private readonly isOpen: (uri: string) => boolean,
    private readonly log: (message: string) => void,
    /** True once the index is ready: later changes make the cache be written soon. */
    private readonly ready: () => boolean,
    private readonly tickets: FileTickets,
  ) {}

  get skippedCount(): number {
    return this.skipped.size;
  }

  /** The files skipped, with the reason (the dashboard lists them). */
  skippedFiles(): [string, string][] {
    return [...this.skipped];
  }

  /** Records a file left out before reading (a link the listing found leading out of the folder). */
  skip(fsPath: string, reason: string): void {
    this.skipped.set(fsPath, reason);
  }

  /** Forgets every skip (a full index starts over). */
  clearSkipped(): void {
    this.skipped.clear();
  }

  /** Logs every file skipped, with the reason. */
  logSkipped(): void {
    for (const [file, reason] of this.skipped) this.log(`Skipped ${file}: ${reason}`);
  }

  /**
   * Reads one article (or takes its cached analysis); `known` is a stat taken just before.
   * Resolves when the article is in the corpus, or when later work on the file overtook it.
   */
  async read(uri: string, fsPath: string, folder: Folder, known?: { stamp: FileStamp | undefined }): Promise<void> {
    const ticket = this.tickets.take(uri);
    // The open buffer wins over the disk, and later work on the file knows better.
    const current = () => this.tickets.isCurrent(uri, ticket) && !this.isOpen(uri);
    const articleDate = articleDateIn(folder, relativeTo(folder, fsPath));
    const stamp = known ? known.stamp : await this.source.stat(fsPath);
    if (!current()) return;
    const cached = this.cache.get(uri);
    // Same size, time and date setting: the cached analysis stands without reading the file.
    if (stamp && cached && cached.size === stamp.size && cached.mtimeMs === stamp.mtimeMs && cached.articleDate === articleDate && !this.skipped.has(fsPath)) {
      this.corpus.setArticle(uri, cached.article);
      return;
    }
    const result = stamp ? await this.source.read(fsPath, folder.settings.maxFileSizeKB * 1024, stamp, folder.fsPath) : { skipped: GONE };
    if (!current()) return;
    if ('skipped' in result) {
      // A file deleted before it could be read is not a skipped article: it is no article.
      if (result.skipped !== GONE) this.skipped.set(fsPath, result.skipped);
      else {
        this.skipped.delete(fsPath);
        this.log(`${fsPath}: ${GONE}`);
      }
      this.corpus.removeArticle(uri);
      this.cache.delete(uri, this.ready());
      return;
    }
    if (result.replaced) this.log(`${fsPath}: invalid UTF-8 replaced with U+FFFD`);
    const hash = hashText(result.text);
    let article: PackedArticle;
    if (cached && cached.article.hash === hash && cached.articleDate === articleDate) article = cached.article;
    else article = this.corpus.pack(result.text, await this.analyze(result.text, { articleDate, markdown: isMarkdownPath(fsPath) || undefined }), hash);
    if (!current()) return;
    this.skipped.delete(fsPath);
    this.corpus.setArticle(uri, article);
    for (const problem of article.packed.meta.problems) this.log(`${fsPath}: ${problem}`);
    this.cache.set(uri, { size: stamp!.size, mtimeMs: stamp!.mtimeMs, articleDate, article }, this.ready());
  }

  /** A file was deleted on disk. */
  deleted(uri: string, fsPath: string): void {
    this.tickets.take(uri);
    this.corpus.removeArticle(uri);
    this.skipped.delete(fsPath);
    this.cache.delete(uri, this.ready());
  }
}
