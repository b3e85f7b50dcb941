import { EntityColumns, type PackedAnalysis } from './packed';
import type { PackedArticle } from './packedArticle';
import type { ArticleInfo, Occurrence } from './queries';
import type { ValueTable } from './valueTable';

/** An article in the corpus: as packed, and its entity columns after corrections. */
export interface StoredArticle extends ArticleInfo {
  readonly article: PackedArticle;
  /** Entity columns after corrections; `article.packed` itself when nothing was corrected. */
  readonly corrected: PackedAnalysis;
}

/**
 * The corpus's articles by uri: the forward map. It owns the records and reads their columns;
 * the key index, ledger and identity rules keep their own tables of what the records hold.
 */
export class ArticleStore {
  private readonly articles = new Map<string, StoredArticle>();

  constructor(readonly table: ValueTable) {}

  get size(): number {
    return this.articles.size;
  }

  get(uri: string): StoredArticle | undefined {
    return this.articles.get(uri);
  }

  uris(): IterableIterator<string> {
    return this.articles.keys();
  }

  records(): IterableIterator<StoredArticle> {
    return this.articles.values();
  }

  /** Stores an article (replacing any record of the uri) and returns its record. */
  set(uri: string, article: PackedArticle, corrected: PackedAnalysis): StoredArticle {
    const record: StoredArticle = { uri, text: article.text, hash: article.hash, meta: article.packed.meta, article, corrected };
    this.articles.set(uri, record);
    return record;
  }

  delete(uri: string): StoredArticle | undefined {
    const record = this.articles.get(uri);
    this.articles.delete(uri);
    return record;
  }

  /** A reader over an article's corrected entity columns. */
  entities(record: StoredArticle): EntityColumns {
    return new EntityColumns(this.table, record.corrected, record.text);
  }

  /** Entity mention i of an article as an occurrence. */
  occurrence(record: StoredArticle, i: number): Occurrence {
    const mentions = this.entities(record);
    // The same shape as mention objects: role and demonym present, possibly undefined.
    return { uri: record.uri, start: mentions.start(i), end: mentions.end(i), text: mentions.text(i), fullName: mentions.fullName(i), role: mentions.role(i), demonym: mentions.demonymField(i) };
  }

  /** The cells of keys (keys never seen have no cell and match nothing). */
  keyCells(keys: Iterable<string>): Set<number> {
    const out = new Set<number>();
    for (const key of keys) {
      const cell = this.table.stringCell(key);
      if (cell >= 0) out.add(cell);
    }
    return out;
  }
}
