// A worker thread that analyses articles for the index (bundled as dist/indexWorker.js).
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../analysis';
import type { AnalyzeOptions } from '../analysis/types';

parentPort?.on('message', (message: { id: number; text: string; options: AnalyzeOptions; cancel?: Int32Array }) => {
  // The flag lives in memory shared with the server: a superseded buffer stops its analysis here.
  const cancel = message.cancel;
  const token = { get isCancellationRequested() { return cancel !== undefined && Atomics.load(cancel, 0) === 1; } };
  try {
    parentPort!.postMessage({ id: message.id, analysis: analyzeArticle(message.text, message.options, token) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
