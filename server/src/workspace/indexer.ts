import { URI } from 'vscode-uri';
import type { Corpus } from '../corpus/corpus';
import type { ArticleSource } from '../host/articleSource';
import type { IndexState } from '../protocol';
import type { DiskCache } from './diskCache';
import type { DiskReader } from './diskReader';
import type { FileTickets } from './fileTickets';
import type { Folder, Folders } from './folders';

/** Articles read from disk at once: enough to keep the disk busy, without opening thousands of files. */
const READS_IN_FLIGHT = 16;

/** What a full index works with. */
export interface IndexContext {
  source: ArticleSource;
  folders: Folders;
  corpus: Corpus;
  cache: DiskCache;
  reader: DiskReader;
  tickets: FileTickets;
  isOpen(uri: string): boolean;
  log(message: string): void;
  update(patch: Partial<IndexState>): void;
}

/**
 * Lists every folder and brings every article into the corpus (from the cache where it still
 * stands), dropping articles no longer listed. Returns the number of articles read, or
 * undefined when `cancelled` (a newer run) stopped it.
 *
 * File events keep coming while it lists and reads. A file whose event started after the
 * listing began is the event's to handle: it is neither dropped for being unlisted nor given
 * the listing's stale stamp. Reads and drops take tickets (fileTickets.ts), so whichever
 * started last decides what the corpus holds.
 */
export async function indexFolders(ctx: IndexContext, cancelled: () => boolean): Promise<number | undefined> {
  // Whatever a listing follows may forget old tickets: it reads again what still exists.
  ctx.tickets.forgetExcept((uri) => ctx.corpus.article(uri) !== undefined || ctx.isOpen(uri));
  const listingStarted = ctx.tickets.mark();
  const touched = (uri: string) => ctx.tickets.touchedSince(uri, listingStarted);
  // The cache is decoded while the folders are listed: one is CPU, the other mostly I/O.
  const loading = ctx.cache.load(ctx.corpus.table);
  const token = { get isCancellationRequested() { return cancelled(); } };
  const listing = Promise.all(ctx.folders.all().map(async (folder) => ({ folder, result: await ctx.source.list(folder.fsPath, { include: folder.settings.articles, exclude: folder.settings.exclude }, token) })));
  // Every file's size and time at once (off this thread where the source can), also while
  // the cache decodes: most of a warm start is deciding which cached analyses still stand.
  const stamping = listing.then((results) => ctx.source.statMany?.(results.flatMap(({ result }) => result.paths)));
  await loading;
  const listed: { uri: string; fsPath: string; folder: Folder }[] = [];
  for (const { folder, result } of await listing) {
    for (const problem of result.problems) ctx.log(`Could not list ${problem}`);
    for (const p of result.paths) listed.push({ uri: URI.file(p).toString(), fsPath: p, folder });
  }
  if (cancelled()) return undefined;
  const listedUris = new Set(listed.map((l) => l.uri));
  const keep = (uri: string) => listedUris.has(uri) || touched(uri) || ctx.isOpen(uri);
  for (const uri of [...ctx.corpus.uris()]) {
    if (keep(uri)) continue;
    ctx.tickets.take(uri); // A read of it still under way started before the listing: it must not land.
    ctx.corpus.removeArticle(uri);
  }
  ctx.cache.keepOnly(keep);
  ctx.reader.clearSkipped();
  for (const { result } of await listing) for (const s of result.skipped ?? []) ctx.reader.skip(s.path, s.reason);
  ctx.update({ total: listed.length });
  // In the order of `listed`, which is built from the same listing.
  const stamps = await stamping;
  if (cancelled()) return undefined;
  let next = 0;
  let indexed = 0;
  const worker = async () => {
    while (next < listed.length && !cancelled()) {
      const at = next++;
      const item = listed[at];
      // A file touched since the listing began is stat'ed again: the listing's stamp may be older than its last change.
      if (!ctx.isOpen(item.uri)) await ctx.reader.read(item.uri, item.fsPath, item.folder, stamps && !touched(item.uri) ? { stamp: stamps[at] } : undefined);
      indexed++;
      if (indexed % 50 === 0 || indexed === listed.length) ctx.update({ indexed, skipped: ctx.reader.skippedCount });
      // Let requests in between articles so the editor stays answered while indexing.
      if (indexed % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: READS_IN_FLIGHT }, worker));
  return cancelled() ? undefined : indexed;
}
