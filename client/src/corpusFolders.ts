import * as vscode from 'vscode';

/**
 * Which workspace folders are corpora. Corpus Lens is opt-in: a folder is indexed when it has a
 * `.corpuslens.json` at its root or `corpusLens.enable` is true for it. The server applies the
 * same rule (server.ts), so other editors get it too.
 */
export const MARKER_FILE = '.corpuslens.json';

/** What "Use This Folder as a Corpus" writes: an empty, valid corrections file. */
const EMPTY_MARKER = `${JSON.stringify({ version: 1, merge: [], split: [], notEntity: [], articleDates: {} }, null, 2)}\n`;

/** Only real files: a virtual or remote-less folder has no corpus on disk for the server. */
function isLocal(folder: vscode.WorkspaceFolder): boolean {
  return folder.uri.scheme === 'file' || folder.uri.scheme === 'vscode-remote';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** True when the folder has opted in (marker file or setting). */
export async function isCorpusFolder(folder: vscode.WorkspaceFolder): Promise<boolean> {
  if (!isLocal(folder)) return false;
  if (vscode.workspace.getConfiguration('corpusLens', folder.uri).get<boolean>('enable') === true) return true;
  return exists(vscode.Uri.joinPath(folder.uri, MARKER_FILE));
}

/** The workspace folders that are corpora. */
export async function corpusFolders(): Promise<vscode.WorkspaceFolder[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const flags = await Promise.all(folders.map(isCorpusFolder));
  return folders.filter((_, i) => flags[i]);
}

/** Creates the marker in a folder; an existing file is left as it is. */
export async function useFolderAsCorpus(folder: vscode.WorkspaceFolder): Promise<void> {
  const marker = vscode.Uri.joinPath(folder.uri, MARKER_FILE);
  if (await exists(marker)) return;
  await vscode.workspace.fs.writeFile(marker, new TextEncoder().encode(EMPTY_MARKER));
}

/**
 * Files at the root that say "this is a code project": its text files are licences, notes and
 * requirement lists, not news.
 */
const CODE_PROJECT_FILES = [
  'package.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Pipfile', 'CMakeLists.txt', 'Makefile',
  'Cargo.toml', 'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'Gemfile', 'composer.json', 'meson.build', 'configure.ac',
];

/** File names that are never articles, whatever their extension. */
const NOT_ARTICLES = /^(?:license|licence|copying|notice|readme|changelog|changes|history|authors|contributors|contributing|code_of_conduct|security|todo|install|news|version|requirements[\w.-]*|cmakelists|third[_-]?party[\w.-]*|dependencies|robots)(?:\.[\w-]+)?$/i;

/** How many article-like files make a folder worth an offer. */
const OFFER_THRESHOLD = 3;

/**
 * True when a folder that has not opted in looks like a corpus: no code-project file at its
 * root, and at least three files matching corpusLens.articles that are not licences, readmes or
 * requirement lists. Looks at 200 files at most.
 */
export async function looksLikeCorpus(folder: vscode.WorkspaceFolder): Promise<boolean> {
  if (!isLocal(folder)) return false;
  const code = await Promise.all(CODE_PROJECT_FILES.map((name) => exists(vscode.Uri.joinPath(folder.uri, name))));
  if (code.some(Boolean)) return false;
  const globs = vscode.workspace.getConfiguration('corpusLens', folder.uri).get<string[]>('articles', ['**/*.txt']);
  let count = 0;
  for (const glob of globs) {
    if (typeof glob !== 'string' || !glob) continue;
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), '{**/node_modules/**,**/.git/**}', 200);
    for (const file of files) {
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      if (!NOT_ARTICLES.test(name)) count++;
      if (count >= OFFER_THRESHOLD) return true;
    }
  }
  return false;
}

const OFFERED_KEY = 'corpusLens.offeredFolders';

/**
 * Offers once per folder, in a notification that goes away by itself, to use a folder that
 * looks like a corpus. Whatever the answer (or none), the folder is not asked about again;
 * the command "Corpus Lens: Use This Folder as a Corpus" stays available.
 */
export async function offerCorpusFolders(state: vscode.Memento, onAccepted: (folder: vscode.WorkspaceFolder) => Promise<void>): Promise<void> {
  const offered = new Set(state.get<string[]>(OFFERED_KEY, []));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (offered.has(folder.uri.toString()) || (await isCorpusFolder(folder)) || !(await looksLikeCorpus(folder))) continue;
    offered.add(folder.uri.toString());
    await state.update(OFFERED_KEY, [...offered]);
    const use = vscode.l10n.t('Use as Corpus');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('“{0}” looks like a folder of articles. Let Corpus Lens index it (this creates {1})?', folder.name, MARKER_FILE),
      use,
      vscode.l10n.t('Not Now'),
    );
    if (answer === use) await onAccepted(folder);
    // One offer at a time: a multi-root workspace is not a wall of notifications.
    return;
  }
}
