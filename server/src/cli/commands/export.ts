import * as path from 'node:path';
import { exportCorpus } from '../../corpus/exportCorpus';
import { NOT_CANCELLED } from '../../corpus/queries';
import { writeLines } from '../../host/writeLines';
import { EXIT, choiceOption, type Command } from '../command';
import { FOLDER_OPTIONS, folderArgument, indexFolder, relativeFile } from '../indexFolder';

/** corpus-lens export: every entity and mention, as CSV or JSON Lines. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'every entity and mention (file, offsets, type, entity, value; corrections applied)',
  usage: 'export <folder> [--format csv|jsonl] [--out FILE|-] [--articles GLOB]',
  description: 'Writes standard output unless --out names a file (written through a temporary file renamed into place).',
  options: {
    format: { type: 'string', value: 'csv|jsonl', help: 'csv (one row per mention) or jsonl (entities, then mentions; the default)' },
    out: { type: 'string', short: 'o', value: 'FILE', help: 'write to FILE instead of standard output (- is standard output)' },
    ...FOLDER_OPTIONS,
  },
  positionals: { min: 1, max: 1, name: 'the folder to export' },
  async run(args, { io, progress }) {
    const format = choiceOption(args.values.format, '--format', ['csv', 'jsonl'] as const, 'jsonl');
    const folder = await folderArgument(args);
    const problems: string[] = [];
    const workspace = await indexFolder(folder, args, progress('Indexing'), problems);
    for (const p of problems) io.err(`${p}\n`);
    const lines = exportCorpus(workspace.corpus, format, (uri) => relativeFile(folder, uri), NOT_CANCELLED);
    const out = args.values.out as string | undefined;
    if (out && out !== '-') {
      try {
        const count = await writeLines(path.resolve(out), lines);
        io.err(`Wrote ${count} lines to ${out}\n`);
      } catch (error) {
        io.err(`corpus-lens export: could not write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT.failed;
      }
    } else for (const line of lines) io.out(`${line}\n`);
    return EXIT.ok;
  },
};
