/**
 * The dashboard's commands: Open Dashboard (palette), and Show on Timeline / Show Network for
 * one entity (the entity hover's links and the Corpus Entities view's context menu).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands } from '../../../server/src/protocol';
import { DashboardPanel } from './dashboardPanel';
import type { DashboardFocus } from './messages';

export const DASHBOARD_COMMANDS = {
  open: 'corpusLens.openDashboard',
  timeline: ClientCommands.showOnTimeline,
  network: ClientCommands.showNetwork,
  /** For tests: what the dashboard last reported it shows. */
  report: 'corpusLens.dashboardReport',
} as const;

/** An entity id from a command argument: the id itself (hover links), or a Corpus Entities view node. */
function entityIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  const item = (argument as { item?: { id?: unknown } } | undefined)?.item;
  return typeof item?.id === 'string' ? item.id : undefined;
}

export function registerDashboardCommands(extensionUri: vscode.Uri, client: () => LanguageClient | undefined): vscode.Disposable[] {
  const show = (focus?: DashboardFocus) => {
    const c = client();
    if (!c) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Corpus Lens is not running: open a folder of articles and use it as a corpus first.'));
      return;
    }
    DashboardPanel.show(extensionUri, c, focus);
  };
  return [
    vscode.commands.registerCommand(DASHBOARD_COMMANDS.open, () => show()),
    vscode.commands.registerCommand(DASHBOARD_COMMANDS.timeline, (entity: unknown) => {
      const id = entityIdOf(entity);
      show(id ? { ids: [id], view: 'timeline' } : undefined);
    }),
    vscode.commands.registerCommand(DASHBOARD_COMMANDS.network, (entity: unknown) => {
      const id = entityIdOf(entity);
      show(id ? { ids: [id], view: 'network' } : undefined);
    }),
    vscode.commands.registerCommand(DASHBOARD_COMMANDS.report, () => DashboardPanel.lastReport),
  ];
}
