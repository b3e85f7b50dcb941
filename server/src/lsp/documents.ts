import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import type { Range, Location } from 'vscode-languageserver';
import type { CancellationSignal } from '../analysis/types';
import type { CorpusQueries, ResolvedMention } from '../corpus/queries';

/** Articles whose resolved mentions are kept for the corpus version they were read at. */
const MENTIONS_KEPT = 8;

/**
 * Gives the TextDocument of any article: the open buffer when the corpus holds its analysis
 * of that version, else one made from the text the corpus indexed (a buffer whose newest
 * edits are still being analysed), so offsets always meet the text they were found in.
 * Positions are always computed by TextDocument, never by hand.
 */
export class DocumentLookup {
  /**
   * The document made from a record's text, for as long as the corpus holds that record: its
   * line offsets are found once, not again for each references request that crosses thousands
   * of articles (a bounded cache thrashed, and finding line offsets was most of such a request).
   * It costs a few hundred bytes per article read, and goes with its record.
   */
  private readonly made = new WeakMap<object, TextDocument>();
  /** uri → its resolved mentions and the corpus version they hold for (least recently used first). */
  private readonly mentions = new Map<string, { version: number; list: ResolvedMention[] }>();

  constructor(
    private readonly open: TextDocuments<TextDocument>,
    private readonly corpus: CorpusQueries,
    /** The version of an open document whose analysis the corpus holds, if it is the latest. */
    private readonly settledVersion: (uri: string) => number | undefined = () => undefined,
  ) {}

  get(uri: string): TextDocument | undefined {
    const open = this.open.get(uri);
    if (open && this.settledVersion(uri) === open.version) return open;
    const record = this.corpus.article(uri);
    if (!record) return undefined;
    let doc = this.made.get(record);
    if (!doc) this.made.set(record, (doc = TextDocument.create(uri, 'article', 0, record.text)));
    return doc;
  }

  /**
   * The article's mentions resolved to their entities (corpus.mentionsIn), read once per corpus
   * version: after an edit the editor asks for the outline and the colouring of the same
   * version, and on a buffer of 100,000 names each pass costs a second of the main thread.
   */
  mentionsIn(uri: string, token: CancellationSignal): ResolvedMention[] {
    const version = this.corpus.version;
    const hit = this.mentions.get(uri);
    if (hit && hit.version === version) return hit.list;
    const list = this.corpus.mentionsIn(uri, token);
    // A cancelled read is empty, not the article's mentions: never kept.
    if (token.isCancellationRequested) return list;
    this.mentions.delete(uri);
    this.mentions.set(uri, { version, list });
    if (this.mentions.size > MENTIONS_KEPT) this.mentions.delete(this.mentions.keys().next().value as string);
    return list;
  }

  /** The version of the editor's buffer of a file, or null when it is not open. */
  openVersion(uri: string): number | null {
    return this.open.get(uri)?.version ?? null;
  }

  range(uri: string, start: number, end: number): Range | undefined {
    const doc = this.get(uri);
    return doc && { start: doc.positionAt(start), end: doc.positionAt(end) };
  }

  location(uri: string, start: number, end: number): Location | undefined {
    const range = this.range(uri, start, end);
    return range && { uri, range };
  }
}
