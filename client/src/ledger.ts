import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LedgerRequest, MeasuresRequest } from '../../server/src/protocol';

/**
 * Opens the figure ledger of a measure as a Markdown table in a new editor: every figure of
 * that measure across the corpus, oldest first, with article date and file. Without a
 * measure it asks which one, offering those in the corpus.
 */
export async function showLedger(client: LanguageClient, measure?: string): Promise<void> {
  if (!measure) {
    const measures = await client.sendRequest(MeasuresRequest);
    const pick = await vscode.window.showQuickPick(
      measures.map((m) => ({ label: m.measure, description: vscode.l10n.t('{0} articles', m.articles) })),
      { placeHolder: vscode.l10n.t('Which figures? (what they count)') },
    );
    if (!pick) return;
    measure = pick.label;
  }
  const ledger = await client.sendRequest(LedgerRequest, { measure });
  if (!ledger) return;
  const lines = [
    `# Figure ledger: ${measure}`,
    '',
    `${ledger.total} figures across the corpus, oldest first${ledger.rows.length < ledger.total ? ` (first ${ledger.rows.length} shown)` : ''}.`,
    '',
    '| Date | Figure | Value | Article | Line |',
    '| --- | --- | --- | --- | --- |',
    ...ledger.rows.map((r) => {
      const value = r.value === null ? '' : `${r.approx ? `${r.approx} ` : ''}${r.value.toLocaleString('en-US')}${r.unit === '%' ? '%' : r.unit ? ` ${r.unit}` : ''}`;
      const link = `[${r.file}](${vscode.Uri.parse(r.location.uri).with({ fragment: `L${r.location.range.start.line + 1}` }).toString()})`;
      return `| ${r.date || 'undated'} | ${r.text.replace(/\|/g, '\\|')} | ${value} | ${link} | ${r.location.range.start.line + 1} |`;
    }),
  ];
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') + '\n' });
  await vscode.window.showTextDocument(doc, { preview: false });
}
