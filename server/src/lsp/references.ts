import type { CancellationToken, Location, ReferenceParams, ResultProgressReporter, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { CorpusQueries } from '../corpus/queries';
import type { DocumentLookup } from './documents';

/**
 * Most locations one references request returns. Every mention is returned up to this; it is
 * there only for memory (a million "US" mentions would be some 150 MB of JSON in the editor),
 * and when it bites the reader is told ("showing N of M") in a message and in the hover.
 */
export const REFERENCE_LIMIT = 100_000;
/** The first partial batch is small so that it shows at once; the later ones are larger. */
const FIRST_BATCH = 250;
const BATCH = 2_500;

/** How a references answer reaches the client besides its result. */
export interface ReferenceStream {
  /** Reports progress when the client sent a workDoneToken (a no-op reporter otherwise). */
  workDone?: WorkDoneProgressReporter;
  /** Streams batches when the client sent a partialResultToken; the final result is then []. */
  partial?: ResultProgressReporter<Location[]>;
  /** Tells the reader something (a window message). */
  tell?(message: string): void;
  /** The limit, when not REFERENCE_LIMIT (tests). */
  limit?: number;
}

/** "showing 100,000 of 1,234,567": what a hover says when the references list would be cut. */
export function referencesShown(mentions: number): string | undefined {
  return mentions > REFERENCE_LIMIT ? `Find All References shows the first ${REFERENCE_LIMIT.toLocaleString('en-US')} of ${mentions.toLocaleString('en-US')}` : undefined;
}

/**
 * References: every mention of the entity in every article, articles in uri order, mentions in
 * text order. With a partialResultToken the mentions are streamed in batches (the first one as
 * soon as it is made) and the result is empty, as LSP asks; the event loop gets a turn between
 * batches, so a cancellation is seen and the notifications leave at once.
 */
export async function provideReferences(params: ReferenceParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken, stream: ReferenceStream = {}): Promise<Location[]> {
  const doc = docs.get(params.textDocument.uri);
  const hit = doc && corpus.entityAt(params.textDocument.uri, doc.offsetAt(params.position), token);
  if (!hit) return [];
  const def = params.context?.includeDeclaration === false ? corpus.definitionOf(hit.id, token) : undefined;
  const uris = corpus.articlesOf(hit.id, token);
  const mentions = corpus.summaryOf(hit.id, token)?.mentionCount ?? 0;
  const { workDone, partial, limit = REFERENCE_LIMIT } = stream;
  workDone?.begin(`Corpus Lens: references to ${hit.name}`, 0, undefined, false);
  const all: Location[] = [];
  let batch: Location[] = [];
  let size = FIRST_BATCH;
  let count = 0;
  let cut = false;
  try {
    outer: for (let a = 0; a < uris.length; a++) {
      const uri = uris[a];
      const article = docs.get(uri);
      if (!article) continue;
      for (const o of corpus.occurrencesIn(uri, hit.id, token)) {
        if (def && o.uri === def.uri && o.start === def.start) continue;
        if (count >= limit) {
          cut = true;
          break outer;
        }
        count++;
        batch.push({ uri, range: { start: article.positionAt(o.start), end: article.positionAt(o.end) } });
      }
      if (batch.length >= size) {
        if (partial) partial.report(batch);
        else for (const l of batch) all.push(l);
        batch = [];
        size = BATCH;
        workDone?.report(Math.floor((100 * (a + 1)) / uris.length), `${count.toLocaleString('en-US')} of ${mentions.toLocaleString('en-US')}`);
        await turn();
        if (token.isCancellationRequested) return [];
      }
    }
    if (token.isCancellationRequested) return [];
    if (partial && batch.length) partial.report(batch);
    else for (const l of batch) all.push(l);
  } finally {
    workDone?.done();
  }
  if (cut) stream.tell?.(`Corpus Lens: showing ${count.toLocaleString('en-US')} of ${mentions.toLocaleString('en-US')} mentions of “${hit.name}” (the first articles in file order); the export (Export This Entity's Mentions…) has them all.`);
  return all;
}

/** Lets the event loop run: queued messages are written and cancellations read. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
