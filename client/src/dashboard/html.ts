import type { DashboardFocus } from './messages';

/**
 * The dashboard page. Nothing runs but our bundle: the Content-Security-Policy allows no
 * network, no inline script or style, scripts only with this load's nonce, styles and images
 * only from the extension (and `data:` images, which PNG export draws through).
 */
export interface DashboardPage {
  /** URIs the webview may load: the bundle and its stylesheet. */
  scriptUri: string;
  styleUri: string;
  /** The webview's resource origin (webview.cspSource). */
  cspSource: string;
  nonce: string;
  /** What to show first (an entity's timeline or network). */
  focus?: DashboardFocus;
  /** The display language (vscode.env.language) and its translations of the dashboard's strings (vscode.l10n.bundle). */
  language?: string;
  bundle?: Record<string, string>;
  /** The page's title and the word shown while the script loads, translated. */
  title?: string;
  loading?: string;
}

export function dashboardHtml(page: DashboardPage): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${page.nonce}'`,
    `style-src ${page.cspSource}`,
    `img-src ${page.cspSource} data: blob:`,
    `font-src ${page.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(page.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${page.styleUri}">
<title>${escapeText(page.title ?? 'Corpus Lens Dashboard')}</title>
</head>
<body>
<div id="app" class="loading" aria-busy="true" data-focus="${escapeAttribute(JSON.stringify(page.focus ?? null))}"${page.bundle ? ` data-l10n="${escapeAttribute(JSON.stringify(page.bundle))}"` : ''}>${escapeText(page.loading ?? 'Loading the dashboard…')}</div>
<script nonce="${page.nonce}" src="${page.scriptUri}"></script>
</body>
</html>`;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>']/g, (c) => `&#${c.charCodeAt(0)};`);
}
