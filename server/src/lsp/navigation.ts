import type {
  CancellationToken,
  DefinitionParams,
  DocumentHighlight,
  DocumentHighlightParams,
  Location,
} from 'vscode-languageserver';
import { DocumentHighlightKind } from 'vscode-languageserver';
import type { CorpusQueries } from '../corpus/queries';
import type { DocumentLookup } from './documents';

function entityUnder(params: { textDocument: { uri: string }; position: { line: number; character: number } }, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken) {
  const doc = docs.get(params.textDocument.uri);
  return doc && corpus.entityAt(params.textDocument.uri, doc.offsetAt(params.position), token);
}

/** Definition: the entity's first full-name mention in the corpus. */
export function provideDefinition(params: DefinitionParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): Location | null {
  const hit = entityUnder(params, corpus, docs, token);
  const def = hit && corpus.definitionOf(hit.id, token);
  return (def && docs.location(def.uri, def.start, def.end)) ?? null;
}

/** Highlights: the entity's mentions in this article. */
export function provideHighlights(params: DocumentHighlightParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): DocumentHighlight[] {
  const hit = entityUnder(params, corpus, docs, token);
  if (!hit) return [];
  const uri = params.textDocument.uri;
  return corpus.occurrencesIn(uri, hit.id, token).map((o) => ({
    range: docs.range(uri, o.start, o.end)!,
    kind: o.fullName ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
