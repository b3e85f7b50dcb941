import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import type { Range, Location } from 'vscode-languageserver';
import type { Corpus } from '../corpus/corpus';

/**
 * Gives the TextDocument of any article: the open buffer, or one made from the text the
 * corpus indexed. Positions are always computed by TextDocument, never by hand.
 */
export class DocumentLookup {
  private readonly made = new WeakMap<object, TextDocument>();

  constructor(
    private readonly open: TextDocuments<TextDocument>,
    private readonly corpus: Corpus,
  ) {}

  get(uri: string): TextDocument | undefined {
    const open = this.open.get(uri);
    if (open) return open;
    const record = this.corpus.article(uri);
    if (!record) return undefined;
    let doc = this.made.get(record);
    if (!doc) this.made.set(record, (doc = TextDocument.create(uri, 'article', 0, record.text)));
    return doc;
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
