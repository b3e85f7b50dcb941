// Kept apart from markdown.ts, which carries a YAML parser: the server and the client-facing
// code ask only this question, and bundle only this file.

/** File extensions of Markdown, as VS Code's markdown language knows them. */
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown', 'mdown', 'mdwn', 'mkd', 'mkdn', 'mdtxt', 'mdtext']);

/** True for a path or URI whose extension is Markdown's: such an article is analysed as Markdown. */
export function isMarkdownPath(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && MARKDOWN_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}
