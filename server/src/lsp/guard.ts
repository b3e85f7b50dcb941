import { LSPErrorCodes, ResponseError, type CancellationToken, type ResultProgressReporter, type WorkDoneProgressReporter } from 'vscode-languageserver';

/**
 * A request handler as the guard sees it: params (maybe none), the request's token, and the
 * progress reporters the connection attached (work done, and partial results when the client
 * sent a partialResultToken).
 */
export type Handler<P, R> = (params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter, partial?: ResultProgressReporter<unknown>) => R | Promise<R>;

/**
 * Wraps every request handler. A request cancelled before or while it runs gets the
 * RequestCancelled error (its result is dropped); an exception becomes a RequestFailed error
 * and a log line; a handler's undefined becomes the request's empty answer. `before` runs
 * first and is waited for (the workspace brings the request's document's latest edits into
 * the corpus); a request cancelled meanwhile stops there.
 */
export function guardWith(log: (message: string) => void, before: (documentUri: string | undefined, token: CancellationToken) => void | Promise<void>) {
  return function guard<P, R>(name: string, empty: R, handler: Handler<P, R>) {
    return async (params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter, partial?: ResultProgressReporter<unknown>): Promise<R | ResponseError<void>> => {
      // A request sent without params reaches the handler with the token alone (the connection
      // always passes a token, so a missing second argument means the first one is it).
      if (token === undefined) {
        token = params as CancellationToken;
        params = undefined as P;
      }
      if (token.isCancellationRequested) return cancelled();
      try {
        await untilCancelled(before(documentOf(params), token), token);
        if (token.isCancellationRequested) return cancelled();
        const result = await handler(params, token, workDone, partial);
        if (token.isCancellationRequested) return cancelled();
        return result ?? empty;
      } catch (error) {
        if (token.isCancellationRequested) return cancelled();
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`[error] ${name}: ${message}`);
        return new ResponseError(LSPErrorCodes.RequestFailed, `Corpus Lens ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  };
}

/** Waits for `work`, or less: until the request is cancelled. */
async function untilCancelled(work: void | Promise<void>, token: CancellationToken): Promise<void> {
  if (!work) return;
  let listener: { dispose(): void } | undefined;
  try {
    await Promise.race([work, new Promise<void>((resolve) => (listener = token.onCancellationRequested(() => resolve())))]);
  } finally {
    listener?.dispose();
  }
}

/** The document a request is about (params.textDocument.uri), if it names one. */
function documentOf(params: unknown): string | undefined {
  const doc = params && typeof params === 'object' ? (params as { textDocument?: { uri?: unknown } }).textDocument : undefined;
  return typeof doc?.uri === 'string' ? doc.uri : undefined;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}
