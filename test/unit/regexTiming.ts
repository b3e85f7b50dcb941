// Worker side of regexSafety.test.ts: times each expression it is sent on adversarial input and
// reports back. It runs in a worker so an expression that never returns can be stopped.
import { parentPort } from 'node:worker_threads';

/** Repeating units drawn from news text, and tails that force a late failure. */
const UNITS = ['a', 'A', 'Ab ', 'ab ', ' ', '1', '1,', '12 ', '1.', 'Mr ', 'Mr. ', 'The ', 'of ', '-', 'A-', "A'", '’s ', '., ', 'A.', 'AB ', '\n', '\r\n', '$1', '%', '"a', '“A ', '(A', 'May ', 'on ', '2021-', 'é', '\u00a0'];
const TAILS = ['!', '\u0000', '1', ' ', '?'];

function timeOnce(regex: RegExp, input: string): number {
  const started = process.hrtime.bigint();
  regex.lastIndex = 0;
  let count = 0;
  // A sticky expression is tried at one position, as the engine uses it; others scan.
  if (regex.sticky) regex.exec(input);
  else for (let m = regex.exec(input); m && count < 100_000; m = regex.exec(input), count++) if (m[0].length === 0) regex.lastIndex++;
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The fastest of three runs, so a garbage collection or a busy machine does not fail a test. */
function timeOn(regex: RegExp, input: string): number {
  return Math.min(timeOnce(regex, input), timeOnce(regex, input), timeOnce(regex, input));
}

/** The problems found with one expression; empty when it stays linear. */
export function checkRegex(regex: RegExp): string[] {
  const problems: string[] = [];
  for (const unit of UNITS) {
    for (const tail of TAILS) {
      const small = unit.repeat(Math.ceil(2000 / unit.length)) + tail;
      const large = unit.repeat(Math.ceil(16000 / unit.length)) + tail;
      const tSmall = timeOn(regex, small);
      const tLarge = timeOn(regex, large);
      // Linear work on 16,000 characters takes a millisecond or two. Eight times the input
      // costs about 8× the time when linear and 64× when quadratic: the ratio catches quadratic
      // growth that is still fast on small inputs.
      if (tLarge >= 300) problems.push(`${JSON.stringify(unit)}+${JSON.stringify(tail)}: ${tLarge.toFixed(1)} ms on 16,000 characters`);
      else if (tLarge >= 20 && tLarge >= tSmall * 25) problems.push(`${JSON.stringify(unit)}: ${tSmall.toFixed(1)} ms → ${tLarge.toFixed(1)} ms for 8× the input`);
      if (problems.length) return problems;
    }
  }
  return problems;
}

parentPort?.on('message', (job: { index: number; source: string; flags: string }) => {
  parentPort!.postMessage({ index: job.index, problems: checkRegex(new RegExp(job.source, job.flags)) });
});
