import type {
  CancellationToken,
  DefinitionParams,
  DocumentHighlight,
  DocumentHighlightParams,
  Location,
  ReferenceParams,
} from 'vscode-languageserver';
import { DocumentHighlightKind } from 'vscode-languageserver';
import type { CorpusQueries } from '../corpus/queries';
import type { DocumentLookup } from './documents';

/** Most locations one references request returns: a corpus can mention "US" a million times, and
 * no one reads past a few thousand; the Corpus Entities view and the export have the full lists. */
export const MAX_REFERENCES = 2_000;

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

/** References: every mention of the entity in every article. */
export function provideReferences(params: ReferenceParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): Location[] {
  const hit = entityUnder(params, corpus, docs, token);
  if (!hit) return [];
  const def = params.context.includeDeclaration ? undefined : corpus.definitionOf(hit.id, token);
  const out: Location[] = [];
  for (const o of corpus.occurrencesOf(hit.id, MAX_REFERENCES + 1, token)) {
    if (def && o.uri === def.uri && o.start === def.start) continue;
    const location = docs.location(o.uri, o.start, o.end);
    if (location) out.push(location);
    if (out.length >= MAX_REFERENCES) break;
  }
  return out;
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
