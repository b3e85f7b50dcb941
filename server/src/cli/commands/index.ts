import type { Command } from '../command';
import { chartCommand } from './chart';
import { exportCommand } from './export';
import { extractCommand } from './extract';
import { lspCommand } from './lsp';
import { scanCommand } from './scan';

/** Every corpus-lens command, in the order --help lists them. A new command is one more file and line. */
export const COMMANDS: readonly Command[] = [scanCommand, exportCommand, extractCommand, chartCommand, lspCommand];
