// A worker thread that analyses articles for the index (bundled as dist/indexWorker.js).
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../analysis';
import type { AnalyzeOptions } from '../analysis/types';

parentPort?.on('message', (message: { id: number; text: string; options: AnalyzeOptions }) => {
  try {
    parentPort!.postMessage({ id: message.id, analysis: analyzeArticle(message.text, message.options) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
