import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Corpus } from '../corpus/corpus';
import { describeDate, describeEntity, describeFigure } from './describe';
import type { DocumentLookup } from './documents';

/** Hover: what the corpus knows about the entity, date or figure under the cursor. */
export function provideHover(params: HoverParams, corpus: Corpus, docs: DocumentLookup, partial?: string): Hover | null {
  const doc = docs.get(params.textDocument.uri);
  if (!doc) return null;
  const uri = params.textDocument.uri;
  const offset = doc.offsetAt(params.position);
  const entity = corpus.entityAt(uri, offset);
  if (entity) {
    const summary = corpus.summaryOf(entity.id);
    if (summary) {
      const card = describeEntity(summary, corpus.contextOf(entity.id), [uri, params.position]);
      return markdown(card + (partial ? `\n\n*${partial}*` : ''), docs.range(uri, entity.mention.start, entity.mention.end));
    }
  }
  const date = corpus.dateAt(uri, offset);
  if (date) return markdown(describeDate(date, corpus.article(uri)!.analysis.articleDate), docs.range(uri, date.start, date.end));
  const figure = corpus.figureAt(uri, offset);
  if (figure) return markdown(describeFigure(figure, uri, corpus.ledgerOf(figure.measure, 50)), docs.range(uri, figure.start, figure.end));
  return null;
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}
