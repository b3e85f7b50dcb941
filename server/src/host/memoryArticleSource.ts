import { articleMatcher, GONE, type ArticleSource, type FileStamp, type ListFilter, type ListResult, type ReadResult } from './articleSource';
import { CORRECTIONS_FILE, emptyCorrections, parseCorrections, serializeCorrections, type Corrections } from '../corpus/corrections';
import type { CorrectionsRead } from './articleSource';
import { decodeArticle } from './decodeArticle';

/** An in-memory article source for tests: absolute path → text (or bytes). */
export class MemoryArticleSource implements ArticleSource {
  readonly files = new Map<string, string | Uint8Array>();
  /** Counts reads, so tests can check that work is not repeated. */
  reads = 0;
  /**
   * Awaited before each listing, stat and read looks at the files (and a listing again after it
   * has): tests delay I/O here to interleave file events with reads, as a slow disk would.
   */
  pause?: (operation: 'list' | 'stat' | 'read', path: string) => Promise<void>;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [p, t] of Object.entries(files)) this.files.set(p, t);
  }

  async list(folder: string, filter: ListFilter): Promise<ListResult> {
    const matcher = articleMatcher(filter);
    await this.pause?.('list', folder);
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const paths = [...this.files.keys()]
      .filter((p) => p.startsWith(prefix) && matcher.isArticle(p.slice(prefix.length)))
      .sort();
    await this.pause?.('list', folder);
    return { paths, problems: [] };
  }

  async readCorrections(folder: string): Promise<CorrectionsRead> {
    const content = this.files.get(`${folder}/${CORRECTIONS_FILE}`);
    if (content === undefined) return { state: 'absent', corrections: emptyCorrections() };
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    const parsed = parseCorrections(text);
    return parsed.ok ? { state: 'ok', corrections: parsed.corrections, text } : { state: 'invalid', problem: parsed.problem, corrections: emptyCorrections(), text, at: parsed.at };
  }

  async updateCorrections(folder: string, change: (current: Corrections) => Corrections | { problem: string }): Promise<{ corrections: Corrections } | { problem: string }> {
    const current = await this.readCorrections(folder);
    if (current.state === 'invalid') return { problem: current.problem };
    const next = change(current.corrections);
    if ('problem' in next) return next;
    this.files.set(`${folder}/${CORRECTIONS_FILE}`, serializeCorrections(next));
    return { corrections: next };
  }

  /** Modification times tests can move forward; every file starts at 1. */
  readonly mtimes = new Map<string, number>();

  async stat(path: string): Promise<FileStamp | undefined> {
    await this.pause?.('stat', path);
    const content = this.files.get(path);
    if (content === undefined) return undefined;
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    return { size, mtimeMs: this.mtimes.get(path) ?? 1 };
  }

  async read(path: string, maxBytes: number, _known?: FileStamp): Promise<ReadResult> {
    this.reads++;
    await this.pause?.('read', path);
    const content = this.files.get(path);
    if (content === undefined) return { skipped: GONE };
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    if (bytes.length > maxBytes) return { skipped: `larger than the size limit (${bytes.length} bytes)` };
    return decodeArticle(bytes);
  }
}
