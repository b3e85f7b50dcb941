import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { NodeArticleSource } from '../host/nodeArticleSource';
import { DEFAULT_SETTINGS } from '../workspace/settings';
import { Workspace } from '../workspace/workspace';
import { UsageError, integerOption, type OptionSpec, type ParsedArgs } from './command';
import type { ProgressBar } from './progress';

/** The options every command that reads a folder shares, named as the settings are. */
export const FOLDER_OPTIONS: Record<string, OptionSpec> = {
  articles: { type: 'string', multiple: true, value: 'GLOB', help: `which files are articles, relative to the folder (default ${DEFAULT_SETTINGS.articles.join(', ')}; e.g. '**/*.md')` },
  'max-file-size-kb': { type: 'string', value: 'N', help: `skip larger files (default ${DEFAULT_SETTINGS.maxFileSizeKB})` },
};

/** The folder positional, checked: a usage error when it is not a folder. */
export async function folderArgument(args: ParsedArgs): Promise<string> {
  const folder = path.resolve(args.positionals[0]);
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`${args.positionals[0]} is not a folder`);
  return folder;
}

/**
 * Indexes one folder the way the server does (its .corpuslens.json corrections included), with
 * the --articles and --max-file-size-kb options in place of the settings.
 */
export async function indexFolder(folder: string, args: ParsedArgs, progress: ProgressBar, problems: string[]): Promise<Workspace> {
  const articles = (args.values.articles as string[] | undefined)?.filter((g) => g.trim()) ?? [];
  const settings = {
    ...DEFAULT_SETTINGS,
    articles: articles.length ? articles : DEFAULT_SETTINGS.articles,
    maxFileSizeKB: integerOption(args.values['max-file-size-kb'], '--max-file-size-kb', DEFAULT_SETTINGS.maxFileSizeKB),
  };
  const workspace = new Workspace(new NodeArticleSource(), {
    log: (m) => problems.push(m),
    progress: (state) => {
      if (state.state === 'indexing' && state.total > 0) progress.update(state.indexed, state.total);
    },
  });
  workspace.setFolders([{ uri: URI.file(folder).toString(), fsPath: folder, settings }]);
  try {
    await workspace.indexAll();
  } finally {
    progress.finish();
  }
  return workspace;
}

/** A path relative to the folder with forward slashes, as the export and summary print it. */
export function relativeFile(folder: string, uri: string): string {
  return path.relative(folder, URI.parse(uri).fsPath).split(path.sep).join('/');
}
