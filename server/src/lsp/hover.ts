import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import type { CorpusQueries } from '../corpus/queries';
import { ClientCommands, type IndexState } from '../protocol';
import { describeDate, describeEntity, describeFigure } from './describe';
import type { DocumentLookup } from './documents';
import { referencesShown } from './references';

/**
 * Hover: what the corpus knows about the entity, date or figure under the cursor. Links run
 * client commands, so they appear only for the commands the client said it runs.
 */
export function provideHover(params: HoverParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken, partial?: string, commands: ReadonlySet<string> = new Set()): Hover | null {
  const doc = docs.get(params.textDocument.uri);
  if (!doc) return null;
  const uri = params.textDocument.uri;
  const offset = doc.offsetAt(params.position);
  const entity = corpus.entityAt(uri, offset, token);
  if (entity) {
    const summary = corpus.summaryOf(entity.id, token);
    if (summary) {
      const dashboard = commands.has(ClientCommands.showOnTimeline) && commands.has(ClientCommands.showNetwork);
      const card = describeEntity(summary, corpus.contextOf(entity.id, token), commands.has(ClientCommands.showReferences) ? [uri, params.position] : undefined, dashboard);
      const notes = [referencesShown(summary.mentionCount), partial].filter(Boolean).map((note) => `\n\n*${note}.*`.replace('..*', '.*'));
      return markdown(card + notes.join(''), docs.range(uri, entity.mention.start, entity.mention.end));
    }
  }
  const date = corpus.dateAt(uri, offset, token);
  if (date) return markdown(describeDate(date, corpus.article(uri)!.meta.articleDate), docs.range(uri, date.start, date.end));
  const figure = corpus.figureAt(uri, offset, token);
  if (figure) return markdown(describeFigure(figure, uri, corpus.ledgerOf(figure.measure, LEDGER_IN_HOVER, token), undefined, commands.has(ClientCommands.showLedger)), docs.range(uri, figure.start, figure.end));
  return null;
}

/** Ledger rows a figure hover reads: it shows a few, and counts the rest. */
const LEDGER_IN_HOVER = 50;

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** While indexing, answers are partial: the hover says how far the index has got. */
export function partialNote(state: IndexState): string | undefined {
  if (state.state !== 'indexing') return undefined;
  return `Partial: indexing, ${state.indexed.toLocaleString('en-US')} of ${state.total.toLocaleString('en-US')} articles read so far.`;
}
