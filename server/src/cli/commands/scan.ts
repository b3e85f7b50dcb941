import { EXIT, integerOption, type Command } from '../command';
import { FOLDER_OPTIONS, folderArgument, indexFolder } from '../indexFolder';
import { formatSummary, summarizeCorpus } from '../summary';

/** corpus-lens scan: what a folder of articles contains. */
export const scanCommand: Command = {
  name: 'scan',
  summary: 'summarise the articles under a folder: entities by type, dates, figures',
  usage: 'scan <folder> [--json] [--top N] [--articles GLOB]',
  description: 'Prints the people, organizations and places with their mention and article counts, the dates and the figures.\nThe folder\'s .corpuslens.json corrections are applied. Skipped files are listed on standard error.',
  options: {
    json: { type: 'boolean', help: 'print the summary as JSON' },
    top: { type: 'string', value: 'N', help: 'list the N most reported of each kind (default 15)' },
    ...FOLDER_OPTIONS,
  },
  positionals: { min: 1, max: 1, name: 'the folder to scan' },
  async run(args, { io, progress }) {
    const top = integerOption(args.values.top, '--top', 15);
    const folder = await folderArgument(args);
    const problems: string[] = [];
    const started = process.hrtime.bigint();
    const workspace = await indexFolder(folder, args, progress('Indexing'), problems);
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    const summary = summarizeCorpus(workspace.corpus, { top, root: folder });
    if (args.values.json) io.out(`${JSON.stringify({ ...summary, problems, milliseconds: ms }, null, 2)}\n`);
    else {
      io.out(formatSummary(summary));
      io.out(`\nIndexed in ${ms} ms.\n`);
      for (const p of problems) io.err(`${p}\n`);
    }
    return EXIT.ok;
  },
};
