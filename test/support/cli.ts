import { runCli, type CliIo } from '../../server/src/cli/runCli';

/** Runs the command line in this process, catching what it writes and its exit code. */
export async function cli(args: string[], extra: Partial<CliIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), ...extra });
  return { code, out, err };
}
