import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError, type Command } from '../command';

/**
 * corpus-lens lsp: the language server for any editor. It runs the bundled server
 * (dist/server.js, beside this bundle) in this process, which then lives as long as the editor
 * keeps the connection open.
 */
export const lspCommand: Command = {
  name: 'lsp',
  summary: 'run the language server for an editor (Neovim, Helix, Emacs...)',
  usage: 'lsp --stdio',
  description:
    'Speaks the Language Server Protocol on standard input and output. It indexes the workspace\n' +
    'folders that have a .corpuslens.json file (or corpusLens.enable set to true in the settings\n' +
    'the editor sends). See the README for editor setups.',
  options: {
    stdio: { type: 'boolean', help: 'talk over standard input and output (the only transport offered)' },
  },
  positionals: { min: 0, max: 0, name: '' },
  async run(args) {
    if (!args.values.stdio) throw new UsageError('--stdio is required');
    const server = path.join(__dirname, 'server.js');
    if (!existsSync(server)) throw new Error(`the language server is missing (${server}); reinstall corpus-lens`);
    // The server reads its transport from the command line, as every vscode-languageserver does.
    process.argv = [process.argv[0], server, '--stdio'];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(server);
    // The connection keeps the process alive; the server exits when the editor says so.
    return new Promise<number>(() => undefined);
  },
};
