import picomatch from 'picomatch';
import type { Corrections, ProblemSpan } from '../corpus/corrections';
import type { PackedArticle } from '../corpus/packedArticle';

/** One article as last read from disk and analysed: what the persistent cache keeps. */
export interface CachedArticle {
  size: number;
  mtimeMs: number;
  /** The article date setting it was analysed with, if any. */
  articleDate?: string;
  /** The text and its analysis, as the corpus holds them (the same record). */
  article: PackedArticle;
}

/**
 * What reading a folder's `.corpuslens.json` gave. `text` is the file's text when it was read
 * (edits are computed against it); `at` places the problem in it when it can be placed.
 */
export type CorrectionsRead =
  | { state: 'absent'; corrections: Corrections }
  | { state: 'ok'; corrections: Corrections; text?: string }
  | { state: 'invalid'; problem: string; corrections: Corrections; text?: string; at?: ProblemSpan };

/** What the server needs from the place articles live: list, read. Watching comes from LSP. */
export interface ArticleSource {
  /** Reads and validates a folder's corrections file; never throws. */
  readCorrections(folder: string): Promise<CorrectionsRead>;
  /**
   * Re-reads, changes and atomically rewrites a folder's corrections file; never overwrites an
   * invalid one, and writes nothing when the change is refused (returns a problem).
   */
  updateCorrections(folder: string, change: (current: Corrections) => Corrections | { problem: string }): Promise<{ corrections: Corrections } | { problem: string }>;
  /** Lists the article files under a folder (absolute paths), honouring the filter. */
  list(folder: string, filter: ListFilter, token?: { isCancellationRequested: boolean }): Promise<ListResult>;
  /** Size and modification time, or undefined when the file is gone. Never throws. */
  stat(path: string): Promise<FileStamp | undefined>;
  /** The same for many files at once, where that is cheaper than one by one. Never throws. */
  statMany?(paths: string[]): Promise<(FileStamp | undefined)[]>;
  /**
   * Reads one article as text. Never throws: problems come back as a skip reason. Given the
   * workspace folder, a path that really leads outside it (through a symbolic link) is skipped
   * unread.
   */
  read(path: string, maxBytes: number, known?: FileStamp, folder?: string): Promise<ReadResult>;
  /**
   * Watches a folder for changes, for editors that cannot watch for the server; absent where the
   * source cannot (the in-memory one).
   */
  watch?(folder: string, events: { changed(paths: string[]): void; rescan(): void; log(message: string): void }): { dispose(): void };
}

/** Which files are articles. */
export interface ListFilter {
  /** Globs relative to the folder that select articles ("**\/*.txt"). */
  include: string[];
  /** Globs relative to the folder that are never read (files.exclude, node_modules, .git). */
  exclude: string[];
}

export interface ListResult {
  paths: string[];
  /** Folders or entries that could not be listed, with the reason. */
  problems: string[];
  /** Entries left out on purpose (a link leading out of the folder), with the reason. */
  skipped?: { path: string; reason: string }[];
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** The skip reason of a file that is not there (deleted, or renamed away, before it was read). */
export const GONE = 'no longer exists';

export type ReadResult = { text: string; replaced: boolean } | { skipped: string };

/** Folders never read, whatever the settings say. */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/** Tests a folder-relative path ("a/b.txt", forward slashes) against a ListFilter. */
export interface ArticleMatcher {
  /** The file is an article: included and not excluded. */
  isArticle(relative: string): boolean;
  /** The folder and everything under it are excluded. */
  skipsFolder(relative: string): boolean;
}

/** Compiles a filter once; listing, watching and every edit then reuse it. */
export function articleMatcher(filter: ListFilter): ArticleMatcher {
  const include = picomatch(filter.include.length ? filter.include : ['**/*.txt']);
  const exclude = picomatch([...ALWAYS_EXCLUDED, ...filter.exclude], { dot: true });
  return {
    isArticle: (relative) => include(relative) && !exclude(relative),
    skipsFolder: (relative) => exclude(relative) || exclude(`${relative}/`) || exclude(`${relative}/x`),
  };
}
