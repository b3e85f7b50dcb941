/**
 * The reader's language: the extension puts VS Code's translations of the dashboard's strings
 * (vscode.l10n.bundle, absent in English) on the page, and every l10n.t in the webview and in
 * charts/ reads them. Imported first, so nothing says a word before it.
 */
import * as l10n from '@vscode/l10n';

const text = document.getElementById('app')?.dataset.l10n;
if (text) {
  try {
    const bundle = JSON.parse(text) as unknown;
    // Only a table of strings: anything else leaves the English words.
    if (bundle && typeof bundle === 'object' && !Array.isArray(bundle)) l10n.config({ contents: bundle as Record<string, string> });
  } catch {
    // A broken bundle leaves the English words rather than an empty dashboard.
  }
}
